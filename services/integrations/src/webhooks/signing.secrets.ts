import { Injectable } from '@nestjs/common';
import { SecretCipher } from './secret.cipher';

/** The secrets that sign a message now: the current one, plus the previous one during its grace period. */
@Injectable()
export class SigningSecrets {
  constructor(private readonly cipher: SecretCipher) {}

  of(secret: string, previous: string | null, previousUntil: Date | null, now: Date = new Date()): string[] {
    const current = this.cipher.decrypt(secret);
    if (previous && previousUntil && previousUntil.getTime() > now.getTime()) return [current, this.cipher.decrypt(previous)];
    return [current];
  }
}
