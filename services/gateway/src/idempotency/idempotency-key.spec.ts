import { parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('Idempotency-Key header', () => {
  it('takes the bare value, as Stripe sends it', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
  });

  it('takes the structured-field string of the draft, with its escapes', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5"')).toBe('8e03978e-40d5');
    expect(parseIdempotencyKey('"a \\"quoted\\" \\\\ key"')).toBe('a "quoted" \\ key');
  });

  it('is the same key bare or quoted', () => {
    expect(parseIdempotencyKey('"abc"')).toBe(parseIdempotencyKey('abc'));
  });

  it.each([
    ['empty', ''],
    ['empty quoted', '""'],
    ['an unterminated string', '"abc'],
    ['an unescaped quote inside', '"a"b"'],
    ['non-ASCII', 'clé'],
    ['a control character', 'a\u0001b'],
    ['256 characters', 'k'.repeat(256)],
  ])('refuses %s with 422 naming the header', (_name, value) => {
    expect(() => parseIdempotencyKey(value)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY.KEY_INVALID', kind: 'validation' }));
  });

  it('takes 255 characters', () => {
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
  });

  it('refuses the header sent twice', () => {
    expect(() => parseIdempotencyKey(['a', 'b'])).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY.KEY_INVALID' }));
  });

  it('fingerprints a body independently of its key order, but not of its values, path or method', () => {
    const base = requestFingerprint('POST', '/api/v1/orders', { title: 'a', description: 'b' });
    expect(requestFingerprint('POST', '/api/v1/orders', { description: 'b', title: 'a' })).toBe(base);
    expect(requestFingerprint('POST', '/api/v1/orders', { title: 'a', description: 'c' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/tasks', { title: 'a', description: 'b' })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/orders', { title: 'a', description: 'b' })).not.toBe(base);
  });
});
