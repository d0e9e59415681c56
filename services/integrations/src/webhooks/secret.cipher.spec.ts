import { Webhook } from 'standardwebhooks';
import { SecretCipher } from './secret.cipher';

describe('SecretCipher', () => {
  const cipher = new SecretCipher('a-key-for-this-test-only-0123456789');

  it('makes Standard Webhooks secrets the library accepts', () => {
    const secret = SecretCipher.newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(() => new Webhook(secret)).not.toThrow();
  });

  it('stores a secret encrypted and reads it back, differently each time', () => {
    const secret = SecretCipher.newSecret();
    const stored = cipher.encrypt(secret);
    expect(stored).not.toContain(secret.slice(6));
    expect(cipher.encrypt(secret)).not.toBe(stored);
    expect(cipher.decrypt(stored)).toBe(secret);
  });

  it('refuses a tampered value and another key', () => {
    const stored = cipher.encrypt(SecretCipher.newSecret());
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    expect(() => cipher.decrypt([parts[0], parts[1], parts[2], body.toString('base64')].join('.'))).toThrow();
    expect(() => new SecretCipher('another-key-for-this-test-0123456789').decrypt(stored)).toThrow();
  });
});

describe('SecretCipher with a previous key (key rotation)', () => {
  const oldCipher = new SecretCipher('the-old-key-for-this-test-0123456789');
  const rotating = new SecretCipher('the-new-key-for-this-test-0123456789', ['the-old-key-for-this-test-0123456789']);

  it('reads values written under the previous key, and writes under the new one only', () => {
    const secret = SecretCipher.newSecret();
    const old = oldCipher.encrypt(secret);
    expect(rotating.rotating).toBe(true);
    expect(rotating.decrypt(old)).toBe(secret);
    expect(rotating.isCurrent(old)).toBe(false);
    const renewed = rotating.encrypt(secret);
    expect(rotating.isCurrent(renewed)).toBe(true);
    expect(() => oldCipher.decrypt(renewed)).toThrow();
    expect(new SecretCipher('the-new-key-for-this-test-0123456789').decrypt(renewed)).toBe(secret);
  });

  it('still refuses a value under a key it was not given', () => {
    expect(() => rotating.decrypt(new SecretCipher('a-third-key-for-this-test-0123456789').encrypt('whsec_x'))).toThrow(
      /none of the configured keys/,
    );
    expect(new SecretCipher('k-0123456789abcdef').rotating).toBe(false);
  });
});
