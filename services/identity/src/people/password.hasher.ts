import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-recommended memory and time cost). */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification, so an unknown account answers as slowly as a known one. */
  async verifyNothing(password: string): Promise<void> {
    this.dummyHash ??= this.hash('not-a-password-anyone-has');
    await this.verify(await this.dummyHash, password);
  }
}
