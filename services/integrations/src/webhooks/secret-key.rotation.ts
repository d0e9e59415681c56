import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretCipher } from './secret.cipher';

interface StoredSecrets {
  id: string;
  secret: string;
  previous_secret: string | null;
}

/**
 * At start-up, every stored signing secret must decrypt with the configured keys: a wrong WEBHOOK_SECRETS_KEY stops
 * the service with a clear message instead of failing every delivery. After the key changed (the old one kept in
 * WEBHOOK_SECRETS_KEY_PREVIOUS) it re-encrypts what is still under an old key, one endpoint per transaction under its
 * row lock, so replicas starting together do the work once and a crash midway leaves every row readable. Once it
 * logged that the rotation is done, the previous key can go.
 */
@Injectable()
export class SecretKeyRotation implements OnApplicationBootstrap {
  private readonly logger = new Logger(SecretKeyRotation.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const rows: StoredSecrets[] = await this.dataSource.query('SELECT id, secret, previous_secret FROM endpoints ORDER BY id');
    const unreadable = rows.filter(
      (row) => !this.readable(row.secret) || (row.previous_secret !== null && !this.readable(row.previous_secret)),
    );
    if (unreadable.length > 0) {
      throw new Error(
        `${unreadable.length} webhook endpoint secret(s) decrypt with neither WEBHOOK_SECRETS_KEY nor WEBHOOK_SECRETS_KEY_PREVIOUS: ` +
          'set the key they were stored under (as the current or a previous key)',
      );
    }
    if (!this.cipher.rotating) return;
    let renewed = 0;
    for (const row of rows) if (this.stale(row) && (await this.reencrypt(row.id))) renewed++;
    this.logger.log(`Webhook secrets key rotation done: ${renewed} endpoint(s) re-encrypted under the current key`);
  }

  private async reencrypt(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: StoredSecrets[] = await manager.query('SELECT id, secret, previous_secret FROM endpoints WHERE id = $1 FOR UPDATE', [
        id,
      ]);
      if (!row || !this.stale(row)) return false;
      await manager.query('UPDATE endpoints SET secret = $2, previous_secret = $3 WHERE id = $1', [
        id,
        this.renew(row.secret),
        row.previous_secret === null ? null : this.renew(row.previous_secret),
      ]);
      return true;
    });
  }

  private readable(stored: string): boolean {
    try {
      this.cipher.decrypt(stored);
      return true;
    } catch {
      return false;
    }
  }

  private stale(row: StoredSecrets): boolean {
    return !this.cipher.isCurrent(row.secret) || (row.previous_secret !== null && !this.cipher.isCurrent(row.previous_secret));
  }

  private renew(stored: string): string {
    return this.cipher.isCurrent(stored) ? stored : this.cipher.encrypt(this.cipher.decrypt(stored));
  }
}
