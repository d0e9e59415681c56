import type { Principal } from './principal';
import { VerifiedTokenCache } from './verified-token.cache';

const principal: Principal = { personId: 'p1', tenantId: 't1', tenantSlug: 'acme', kind: 'employee', sessionId: 's1', expiresAtMs: 0 };

describe('VerifiedTokenCache', () => {
  it('serves a verified token until its exp, and not from that second on', () => {
    const cache = new VerifiedTokenCache();
    cache.set('tok', principal, 100, 90_000);
    expect(cache.get('tok', 99_999)).toEqual(principal);
    expect(cache.get('tok', 100_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps no token that has no exp or has already expired', () => {
    const cache = new VerifiedTokenCache();
    cache.set('no-exp', principal, undefined, 0);
    cache.set('expired', principal, 10, 10_000);
    expect(cache.get('no-exp', 0)).toBeUndefined();
    expect(cache.get('expired', 9_000)).toBeUndefined();
  });

  it('drops the entry stored longest ago when full', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', principal, 100, 0);
    cache.set('b', principal, 100, 0);
    cache.set('c', principal, 100, 0);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)).toEqual(principal);
    expect(cache.get('c', 0)).toEqual(principal);
  });
});
