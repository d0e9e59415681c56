import { SessionRevocations } from './session-revocations';

describe('SessionRevocations', () => {
  it('refuses a revoked session until its tokens would have expired, then forgets it', () => {
    const list = new SessionRevocations();
    list.revoke('s1', 2_000);
    expect(list.isRevoked('s1', 1_999)).toBe(true);
    expect(list.isRevoked('s2', 1_999)).toBe(false);
    expect(list.isRevoked('s1', 2_000)).toBe(false);
    expect(list.size).toBe(0);
  });

  it('keeps the later expiry when a session is announced twice', () => {
    const list = new SessionRevocations();
    list.revoke('s1', 5_000);
    list.revoke('s1', 3_000);
    expect(list.isRevoked('s1', 4_000)).toBe(true);
  });
});
