import { randomBytes } from 'node:crypto';
import { loadEnv } from '@warden/service-kit';
import { corsOrigins, docsEnabled, GatewayEnv, trustProxy } from './gateway.env';

const strong = () => randomBytes(48).toString('base64');

describe('GatewayEnv', () => {
  describe('secrets in production', () => {
    it('starts with random secrets', () => {
      expect(() => loadEnv(GatewayEnv, { NODE_ENV: 'production', JWT_SECRET: strong(), TENANT_SIGNUP_TOKEN: strong() })).not.toThrow();
    });

    it.each([
      ['JWT_SECRET', { JWT_SECRET: 'CHANGE-ME-at-least-32-random-characters-long' }],
      ['JWT_SECRET', { JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789abcdef' }],
      ['JWT_SECRET', { JWT_SECRET: 'a'.repeat(64) }],
      ['TENANT_SIGNUP_TOKEN', { JWT_SECRET: strong(), TENANT_SIGNUP_TOKEN: 'dev-only-signup-token-change-me' }],
      ['TENANT_SIGNUP_TOKEN', { JWT_SECRET: strong(), TENANT_SIGNUP_TOKEN: 'Zq8r2LmV9xKp4TnW' }],
    ])('refuses to start with a weak %s, naming the variable', (variable, secrets) => {
      expect(() => loadEnv(GatewayEnv, { NODE_ENV: 'production', ...secrets })).toThrow(
        new RegExp(`^Invalid environment:\\n  ${variable}: ${variable} `),
      );
    });

    it('leaves development values alone outside production', () => {
      expect(() =>
        loadEnv(GatewayEnv, { NODE_ENV: 'development', JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789abcdef' }),
      ).not.toThrow();
    });
  });

  it('reads TRUST_PROXY as off, a hop count or proxy addresses, and refuses anything else', () => {
    const env = (TRUST_PROXY?: string) =>
      loadEnv(GatewayEnv, { JWT_SECRET: strong(), ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) });
    expect(trustProxy(env())).toBe(false);
    expect(trustProxy(env('off'))).toBe(false);
    expect(trustProxy(env('0'))).toBe(false);
    const hops = trustProxy(env('2')) as (address: string, hop: number) => boolean;
    expect([hops('10.0.0.1', 0), hops('10.0.0.2', 1), hops('10.0.0.3', 2)]).toEqual([true, true, false]);
    expect(trustProxy(env('10.0.0.0/8, 127.0.0.1'))).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => env('true')).toThrow(/TRUST_PROXY must be off, a hop count/);
    expect(() => env('anyone')).toThrow(/TRUST_PROXY/);
  });

  it('reads CORS_ORIGINS as a list of origins, empty by default', () => {
    expect(corsOrigins(loadEnv(GatewayEnv, { JWT_SECRET: strong() }))).toEqual([]);
    expect(
      corsOrigins(loadEnv(GatewayEnv, { JWT_SECRET: strong(), CORS_ORIGINS: 'https://app.example.test, http://localhost:5173' })),
    ).toEqual(['https://app.example.test', 'http://localhost:5173']);
    expect(() => loadEnv(GatewayEnv, { JWT_SECRET: strong(), CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadEnv(GatewayEnv, { JWT_SECRET: strong(), CORS_ORIGINS: 'https://app.example.test/path' })).toThrow(/CORS_ORIGINS/);
  });

  it('serves /docs outside production, and in production only with DOCS_ENABLED=true', () => {
    const env = (vars: Record<string, string>) => loadEnv(GatewayEnv, { JWT_SECRET: strong(), ...vars });
    expect(docsEnabled(env({ NODE_ENV: 'development' }))).toBe(true);
    expect(docsEnabled(env({ NODE_ENV: 'development', DOCS_ENABLED: 'false' }))).toBe(false);
    expect(docsEnabled(env({ NODE_ENV: 'production' }))).toBe(false);
    expect(docsEnabled(env({ NODE_ENV: 'production', DOCS_ENABLED: 'true' }))).toBe(true);
  });
});
