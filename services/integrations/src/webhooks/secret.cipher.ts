import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

function keyOf(material: string): Buffer {
  return createHash('sha256').update(material, 'utf8').digest();
}

/**
 * Signing secrets at rest. HMAC needs the secret itself (a hash would not do), so it is stored encrypted with
 * AES-256-GCM under a key from WEBHOOK_SECRETS_KEY; a database dump alone does not let anyone forge deliveries.
 * Keys rotate: values written under a key named in WEBHOOK_SECRETS_KEY_PREVIOUS still decrypt, and
 * secret-key.rotation.ts re-encrypts them under the current key at start-up.
 */
export class SecretCipher {
  private readonly key: Buffer;
  private readonly previousKeys: Buffer[];

  constructor(keyMaterial: string, previousKeyMaterials: string[] = []) {
    this.key = keyOf(keyMaterial);
    this.previousKeys = previousKeyMaterials.map(keyOf);
  }

  /** A new Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
  static newSecret(): string {
    return `whsec_${randomBytes(32).toString('base64')}`;
  }

  get rotating(): boolean {
    return this.previousKeys.length > 0;
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  decrypt(stored: string): string {
    for (const key of [this.key, ...this.previousKeys]) {
      const secret = decryptWith(key, stored);
      if (secret !== null) return secret;
    }
    throw new Error('The secret decrypts with none of the configured keys');
  }

  /** Whether the stored value is encrypted under the current key (false: under a previous one, or unreadable). */
  isCurrent(stored: string): boolean {
    return decryptWith(this.key, stored) !== null;
  }
}

function decryptWith(key: Buffer, stored: string): string | null {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown secret encoding');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
