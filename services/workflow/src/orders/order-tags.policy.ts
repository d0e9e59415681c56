import type { DomainError } from '@warden/kernel';
import { ORDER_TAG_MAX_LENGTH, ORDER_TAGS_MAX } from '@warden/contracts';
import type { OrderTagsChange } from '@warden/contracts';
import { OrderErrors } from './order.errors';

/**
 * What a tag is once normalised: letters (with their combining marks, so a lower-cased 'İ' is still one), decimal
 * digits, `-`, `_` and `:` (`billing:refund`), 1 to ORDER_TAG_MAX_LENGTH of them. Letters of any script: a repair
 * shop in Moscow tags in Cyrillic.
 */
const TAG = new RegExp(`^[\\p{L}\\p{M}\\p{Nd}_:-]{1,${ORDER_TAG_MAX_LENGTH}}$`, 'u');

/** Tags are compared as strings (a Set, `= ANY` in SQL); sorted by code unit, so a set is stored and shown one way. */
function sorted(tags: Iterable<string>): string[] {
  return [...tags].sort();
}

/**
 * A tag as stored: trimmed, composed (NFC: 'é' typed as one character or as e + accent is one tag), lower-cased;
 * null when what remains is no tag.
 */
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().normalize('NFC').toLowerCase();
  return TAG.test(tag) ? tag : null;
}

/** One tag (a list filter `tag`, a rule's `actions.tag`), or ORDER.TAG_INVALID naming `field`. */
export function tagOf(raw: string, field: string): string | DomainError {
  return normalizeTag(raw) ?? OrderErrors.tagInvalid(field);
}

/** A list of tags (a rule's `conditions.tags`): each normalised, repeats dropped, sorted; a bad one is refused by its index. */
export function tagListOf(raw: readonly string[], field: string): string[] | DomainError {
  const tags = new Set<string>();
  for (const [index, value] of raw.entries()) {
    const tag = normalizeTag(value);
    if (tag === null) return OrderErrors.tagInvalid(`${field}.${index}`);
    tags.add(tag);
  }
  return sorted(tags);
}

/** An order's whole set of tags, as a list (`tags`), holding at most ORDER_TAGS_MAX different ones. */
export function orderTagsOf(raw: readonly string[], field = 'tags'): string[] | DomainError {
  const tags = tagListOf(raw, field);
  if (Array.isArray(tags) && tags.length > ORDER_TAGS_MAX) return OrderErrors.tooManyTags(field);
  return tags;
}

/** What replacing `before` with `after` added and removed (both sorted sets); nothing when they are the same. */
export function tagsChange(before: readonly string[], after: readonly string[]): OrderTagsChange | null {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  return added.length === 0 && removed.length === 0 ? null : { added: sorted(added), removed: sorted(removed) };
}

/** The order's tags with one more (a normalised tag); the set as it is when the order has it already. */
export function withTag(tags: readonly string[], tag: string): string[] {
  return tags.includes(tag) ? [...tags] : sorted([...tags, tag]);
}

/** Whether one more tag would take the order past ORDER_TAGS_MAX (one it has already adds nothing). */
export function tagWouldOverflow(tags: readonly string[], tag: string): boolean {
  return !tags.includes(tag) && tags.length >= ORDER_TAGS_MAX;
}
