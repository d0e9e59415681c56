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

describe('SessionRevocations.onRevoked', () => {
  it('tells subscribers about a newly revoked session', () => {
    const list = new SessionRevocations();
    const heard: string[] = [];
    list.onRevoked((sessionId) => heard.push(sessionId));
    list.revoke('s1', 5_000, 1_000);
    expect(heard).toEqual(['s1']);
  });

  it('tells them once when the same revocation arrives again (own sign-out, then the event)', () => {
    const list = new SessionRevocations();
    const heard: string[] = [];
    list.onRevoked((sessionId) => heard.push(sessionId));
    list.revoke('s1', 5_000, 1_000);
    list.revoke('s1', 6_000, 1_100);
    list.revoke('s1', 4_000, 1_200);
    expect(heard).toEqual(['s1']);
  });

  it('stays silent about a revocation whose tokens have all expired (a replayed old event)', () => {
    const list = new SessionRevocations();
    const heard: string[] = [];
    list.onRevoked((sessionId) => heard.push(sessionId));
    list.revoke('s1', 1_000, 2_000);
    expect(heard).toEqual([]);
  });

  it('tells them again about a session whose earlier revocation had lapsed', () => {
    const list = new SessionRevocations();
    const heard: string[] = [];
    list.onRevoked((sessionId) => heard.push(sessionId));
    list.revoke('s1', 2_000, 1_000);
    list.revoke('s1', 9_000, 3_000);
    expect(heard).toEqual(['s1', 's1']);
  });

  it('stops telling a subscriber that unsubscribed', () => {
    const list = new SessionRevocations();
    const heard: string[] = [];
    const unsubscribe = list.onRevoked((sessionId) => heard.push(sessionId));
    unsubscribe();
    list.revoke('s1', 5_000, 1_000);
    expect(heard).toEqual([]);
  });

  it('still records the revocation and tells the others when one subscriber throws', () => {
    const list = new SessionRevocations();
    const heard: string[] = [];
    list.onRevoked(() => {
      throw new Error('broken subscriber');
    });
    list.onRevoked((sessionId) => heard.push(sessionId));
    expect(() => list.revoke('s1', 5_000, 1_000)).not.toThrow();
    expect(heard).toEqual(['s1']);
    expect(list.isRevoked('s1', 1_000)).toBe(true);
  });
});
