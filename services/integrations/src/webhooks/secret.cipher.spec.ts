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
