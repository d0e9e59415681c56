import { IDENTITY_SERVICE } from '@warden/identity';
import { Stack } from './support/stack';
import { createTenant, PASSWORD } from './staff.fixtures';

describe('sign-in rate limits', () => {
  let stack: Stack;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.LOGIN_RATE_PER_ACCOUNT = '5';
    process.env.LOGIN_RATE_PER_ADDRESS = '12';
    // The test client plays the proxy in front of the gateway: its X-Forwarded-For is believed.
    stack = await Stack.start({ gateway: { TRUST_PROXY: '127.0.0.1' } });
  });

  afterAll(async () => {
    await stack?.stop();
    process.env = saved;
  });

  it('answers 429 with Retry-After after too many attempts on one account, other accounts unaffected', async () => {
    const tenant = await createTenant(stack, 'rl'); // one sign-in from this address
    const attempt = (email: string, address: string) =>
      stack.http.post('/api/v1/auth/login', { tenant: tenant.slug, email, password: 'wrong-password' }, undefined, {
        'x-forwarded-for': address,
      });
    const statuses: number[] = [];
    // The administrator's sign-in in createTenant was the first of five allowed.
    for (let i = 0; i < 4; i++) statuses.push((await attempt(tenant.adminEmail, `10.0.0.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const limited = await attempt(tenant.adminEmail, '10.0.0.99');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE.LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits now.
    const right = await stack.http.post(
      '/api/v1/auth/login',
      { tenant: tenant.slug, email: tenant.adminEmail, password: PASSWORD },
      undefined,
      { 'x-forwarded-for': '10.0.0.100' },
    );
    expect(right.status).toBe(429);
    expect((await attempt(`other@${tenant.slug}.test`, '10.0.0.101')).status).toBe(401);
  });

  it('answers 429 after too many attempts from one address, whatever the account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) {
      const answer = await stack.http.post(
        '/api/v1/auth/login',
        { tenant: 'nowhere', email: `u${i}@x.test`, password: 'wrong-password' },
        undefined,
        {
          'x-forwarded-for': '192.0.2.7',
        },
      );
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 12).every((status) => status === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
  });

  describe('without TRUST_PROXY', () => {
    let direct: Stack;

    beforeAll(async () => {
      direct = await Stack.start({ services: [IDENTITY_SERVICE] });
    });

    afterAll(async () => {
      await direct?.stop();
    });

    it('keys the limit per address on the connecting address: a forged X-Forwarded-For cannot reset it', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 13; i++) {
        const answer = await direct.http.post(
          '/api/v1/auth/login',
          { tenant: 'nowhere', email: `f${i}@x.test`, password: 'wrong-password' },
          undefined,
          {
            'x-forwarded-for': `198.51.100.${i + 1}`,
          },
        );
        statuses.push(answer.status);
      }
      expect(statuses.slice(0, 12).every((status) => status === 401)).toBe(true);
      expect(statuses[12]).toBe(429);
    });
  });
});
