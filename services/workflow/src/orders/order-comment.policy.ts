import type { DomainError } from '@warden/kernel';
import type { AddOrderCommentData } from '@warden/contracts';
import { COMMENT_BODY_MAX, CommentErrors } from './order-comment.errors';

/**
 * A comment written through the API: its body trimmed, not empty and at most COMMENT_BODY_MAX characters;
 * a client (contact) writes public replies only, internal notes are for employees. Returns the body to store.
 * Inbound replies do not pass here: they keep their whole text (order-comment.errors.ts).
 */
export function commentBody(comment: Pick<AddOrderCommentData, 'body' | 'visibility' | 'authorKind'>): string | DomainError {
  const body = comment.body.trim();
  if (!body) return CommentErrors.bodyRequired();
  if (body.length > COMMENT_BODY_MAX) return CommentErrors.bodyTooLong();
  if (comment.authorKind === 'contact' && comment.visibility !== 'public') return CommentErrors.clientInternal();
  return body;
}
