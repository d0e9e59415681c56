import { DomainError } from '@warden/kernel';
import { normalizeTag, orderTagsOf, tagListOf, tagOf, tagsChange, tagWouldOverflow, withTag } from './order-tags.policy';

const fieldsOf = (outcome: unknown) => (outcome as DomainError).toPayload();
const twenty = Array.from({ length: 20 }, (_, index) => `t${String(index).padStart(2, '0')}`);

describe('a tag', () => {
  it('is trimmed and lower-cased', () => {
    expect(normalizeTag('  VIP ')).toBe('vip');
    expect(normalizeTag('Key-Account')).toBe('key-account');
  });

  it('is made of letters of any script, digits, -, _ and :', () => {
    expect(normalizeTag('billing:refund_2024')).toBe('billing:refund_2024');
    expect(normalizeTag('Срочно')).toBe('срочно');
    expect(normalizeTag('x'.repeat(50))).toBe('x'.repeat(50));
  });

  it('is one tag however an accented letter was typed', () => {
    expect(normalizeTag('cafe\u0301')).toBe(normalizeTag('café'));
  });

  it('is refused blank, longer than 50, or with any other character', () => {
    for (const bad of ['', '   ', 'x'.repeat(51), 'not a tag!', 'a b', 'a/b', 'a.b', '#vip', 'vip\n2', '½']) {
      expect([bad, normalizeTag(bad)]).toEqual([bad, null]);
    }
  });

  it('alone (a filter, a rule action) is refused naming the field', () => {
    expect(tagOf(' VIP', 'tag')).toBe('vip');
    expect(fieldsOf(tagOf('not a tag!', 'actions.tag'))).toMatchObject({ code: 'ORDER.TAG_INVALID', fields: [{ field: 'actions.tag' }] });
  });
});

describe("an order's tags", () => {
  it('are normalised, without repeats, sorted', () => {
    expect(orderTagsOf(['vip', 'Billing', ' VIP ', 'api'])).toEqual(['api', 'billing', 'vip']);
    expect(orderTagsOf([])).toEqual([]);
  });

  it('refuse a bad tag by its index', () => {
    const outcome = orderTagsOf(['vip', 'ok', 'not a tag!']);
    expect(outcome).toBeInstanceOf(DomainError);
    expect(fieldsOf(outcome)).toMatchObject({ code: 'ORDER.TAG_INVALID', fields: [{ field: 'tags.2' }] });
    expect(fieldsOf(tagListOf(['', 'vip'], 'conditions.tags'))).toMatchObject({ fields: [{ field: 'conditions.tags.0' }] });
  });

  it('are at most 20 different ones; repeats do not count', () => {
    expect(orderTagsOf([...twenty, 'T00', ' t19 '])).toEqual(twenty);
    expect(fieldsOf(orderTagsOf([...twenty, 'one-more']))).toMatchObject({ code: 'ORDER.TOO_MANY_TAGS', fields: [{ field: 'tags' }] });
  });

  it('a list a rule tests is not bound to 20', () => {
    expect(tagListOf([...twenty, 'one-more'], 'conditions.tags')).toHaveLength(21);
  });
});

describe('a change of tags', () => {
  it('says what was added and removed', () => {
    expect(tagsChange(['api', 'vip'], ['billing', 'vip'])).toEqual({ added: ['billing'], removed: ['api'] });
    expect(tagsChange([], ['vip'])).toEqual({ added: ['vip'], removed: [] });
    expect(tagsChange(['vip'], [])).toEqual({ added: [], removed: ['vip'] });
  });

  it('is nothing when the set stays the same', () => {
    expect(tagsChange(['api', 'vip'], ['api', 'vip'])).toBeNull();
  });

  it('adding one keeps the set sorted, and adds nothing the order has', () => {
    expect(withTag(['api', 'vip'], 'key-account')).toEqual(['api', 'key-account', 'vip']);
    expect(withTag(['vip'], 'vip')).toEqual(['vip']);
  });

  it('adding one to 20 would overflow, unless the order has it', () => {
    expect(tagWouldOverflow(twenty, 'one-more')).toBe(true);
    expect(tagWouldOverflow(twenty, 't05')).toBe(false);
    expect(tagWouldOverflow(['vip'], 'one-more')).toBe(false);
  });
});
