import type { Decision } from '@warden/contracts';
import { DecisionCache } from './decision.cache';

const allowed = (policyVersion: number): Decision => ({ allowed: true, code: 'ALLOWED.GROUP', reason: 'ok', policyVersion });

describe('DecisionCache', () => {
  it('serves a decision until the person is invalidated', () => {
    const cache = new DecisionCache(true, 60_000);
    cache.set('t1', 'p1', 'staff.read', allowed(1));
    expect(cache.get('t1', 'p1', 'staff.read')).toEqual(allowed(1));
    cache.invalidate('t1', ['p1'], 2);
    expect(cache.get('t1', 'p1', 'staff.read')).toBeUndefined();
  });

  it('drops everyone of the tenant, and only that tenant, when the change names nobody', () => {
    const cache = new DecisionCache(true, 60_000);
    cache.set('t1', 'p1', 'a', allowed(1));
    cache.set('t2', 'p1', 'a', allowed(1));
    cache.invalidate('t1', null, 2);
    expect(cache.get('t1', 'p1', 'a')).toBeUndefined();
    expect(cache.get('t2', 'p1', 'a')).toEqual(allowed(1));
  });

  it('does not keep an answer made under a policy version older than one already announced', () => {
    const cache = new DecisionCache(true, 60_000);
    cache.invalidate('t1', ['p1'], 5);
    cache.set('t1', 'p1', 'a', allowed(4));
    expect(cache.get('t1', 'p1', 'a')).toBeUndefined();
    cache.set('t1', 'p1', 'a', allowed(5));
    expect(cache.get('t1', 'p1', 'a')).toEqual(allowed(5));
  });

  it('expires entries after the TTL and keeps nothing when disabled', () => {
    const cache = new DecisionCache(true, 1000);
    cache.set('t1', 'p1', 'a', allowed(1), 0);
    expect(cache.get('t1', 'p1', 'a', 999)).toBeDefined();
    expect(cache.get('t1', 'p1', 'a', 1000)).toBeUndefined();
    const disabled = new DecisionCache(false, 1000);
    disabled.set('t1', 'p1', 'a', allowed(1));
    expect(disabled.get('t1', 'p1', 'a')).toBeUndefined();
  });
});
