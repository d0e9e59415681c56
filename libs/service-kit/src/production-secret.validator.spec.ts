import { randomBytes } from 'node:crypto';
import { weakSecretReason } from './production-secret.validator';

describe('weakSecretReason', () => {
  it.each([
    ['48 random bytes in base64', randomBytes(48).toString('base64')],
    ['32 random bytes in hex', randomBytes(32).toString('hex')],
    ['a long passphrase of random words', 'orbit-velvet-quarry-lantern-mosaic-tundra-falcon'],
  ])('accepts %s', (_case, value) => {
    expect(weakSecretReason(value)).toBeUndefined();
  });

  it.each([
    ['the Kustomize example', 'CHANGE-ME-at-least-32-random-characters-long', 'looks like a placeholder (contains "changeme")'],
    ['the Compose default', 'dev-only-jwt-secret-change-me-0123456789abcdef', 'looks like a placeholder (contains "changeme")'],
    ['the Compose sign-up default', 'dev-only-signup-token-change-me', 'looks like a placeholder (contains "changeme")'],
    ['changeme spelled together', 'changeme0123456789abcdefghijklmnopqrstuvwxyz', 'looks like a placeholder (contains "changeme")'],
    ['an example value', 'example-token-4f9c2a7b1e8d3c6a5b0f9e8d7c6b5a4f', 'looks like a placeholder (contains "example")'],
    ['a value shorter than 32 characters', 'q8Zr2LmV9xKp4TnW7bYc3', 'is shorter than 32 characters'],
    ['a value with few distinct characters', 'abababababababababababababababababab1', 'has fewer than 10 distinct characters'],
    ['a repeated pattern', '0123456789abcdef0123456789abcdef', 'repeats a shorter pattern'],
  ])('refuses %s', (_case, value, reason) => {
    expect(weakSecretReason(value)).toBe(reason);
  });
});
