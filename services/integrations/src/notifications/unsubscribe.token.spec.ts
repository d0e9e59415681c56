import { UnsubscribeToken } from './unsubscribe.token';

const target = {
  tenantId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  personId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  scope: 'all' as const,
};

describe('unsubscribe token', () => {
  const tokens = new UnsubscribeToken('a-secret-long-enough-for-the-test');

  it('gives back the target it was signed for', () => {
    expect(tokens.verify(tokens.sign(target))).toEqual(target);
    expect(tokens.verify(tokens.sign({ ...target, scope: 'inquiry-assigned' }))).toEqual({ ...target, scope: 'inquiry-assigned' });
  });

  it('refuses a token signed with another secret', () => {
    expect(new UnsubscribeToken('another-secret-of-some-length').verify(tokens.sign(target))).toBeNull();
  });

  it('refuses a token whose payload was altered', () => {
    const [, mac] = tokens.sign(target).split('.');
    const forged = Buffer.from(`${target.tenantId}:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d:all`).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`)).toBeNull();
  });

  it('refuses garbage', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', `${Buffer.from('x:y:all').toString('base64url')}.zz`])
      expect(tokens.verify(token)).toBeNull();
  });
});
