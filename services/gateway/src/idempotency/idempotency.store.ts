import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { StorageType } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { KV } from '@nats-io/kv';
import { DomainError } from '@warden/kernel';
import type { ErrorPayload } from '@warden/kernel';
import { idempotencyBucketName } from '@warden/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION } from '@warden/messaging';
import type { MessagingOptions } from '@warden/messaging';

/** How long a key is remembered after its request finished (or was last touched). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;

/** The first answer of a request, as it is replayed. */
export type StoredOutcome =
  | { type: 'response'; status: number; headers: Record<string, string>; body: string | null }
  | { type: 'domain-error'; error: ErrorPayload }
  | { type: 'http-error'; status: number; response: string | Record<string, unknown> };

export interface IdempotencyRecord {
  fingerprint: string;
  /** In flight until `outcome` is set; another request may take the key over once `leaseUntil` (epoch ms) passed. */
  leaseUntil: number;
  outcome?: StoredOutcome;
}

export type ClaimResult = { claimed: true; revision: number } | { claimed: false; record: IdempotencyRecord; revision: number };

function unavailable(error: unknown): DomainError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('IDEMPOTENCY.UNAVAILABLE', 'unavailable', `Idempotency keys cannot be checked right now (${reason}); retry later`);
}

/**
 * Idempotency records in a JetStream key-value bucket (file storage, one value per key, entries
 * expire 24 h after their last write). The gateway owns no database; the bucket lives in the NATS
 * it already needs, so the records survive a gateway restart and every replica sees the same ones,
 * and `create` (a write expecting no previous value) is the atomic "first one wins" the claim needs.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit {
  private readonly logger = new Logger(IdempotencyStore.name);
  private bucket?: Promise<KV>;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kv();
  }

  private kv(): Promise<KV> {
    this.bucket ??= new Kvm(this.connection)
      // Replicated like the event stream (NATS_STREAM_REPLICAS) when created; an existing bucket is used as it is.
      .create(idempotencyBucketName(), {
        history: 1,
        ttl: IDEMPOTENCY_RETENTION_MS,
        storage: StorageType.File,
        replicas: this.options.streamReplicas ?? 1,
      })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }

  /** Claims `name` for a request, or returns what another request with the same key left there. */
  async claim(name: string, record: IdempotencyRecord): Promise<ClaimResult> {
    try {
      const kv = await this.kv();
      for (let attempt = 0; attempt < 3; attempt++) {
        const created = await kv.create(name, JSON.stringify(record)).catch(() => null);
        if (created !== null) return { claimed: true, revision: created };
        const entry = await kv.get(name);
        if (entry && entry.operation === 'PUT')
          return { claimed: false, record: entry.json<IdempotencyRecord>(), revision: entry.revision };
        // Deleted or expired between the two calls: try to claim it again.
      }
      throw new Error('the key kept changing');
    } catch (error) {
      throw error instanceof DomainError ? error : unavailable(error);
    }
  }

  /** Takes over a record whose request was abandoned (its lease ran out); false if someone else was faster. */
  async takeOver(name: string, record: IdempotencyRecord, revision: number): Promise<number | null> {
    try {
      return await (await this.kv()).update(name, JSON.stringify(record), revision);
    } catch {
      return null;
    }
  }

  async complete(name: string, record: IdempotencyRecord): Promise<void> {
    try {
      await (await this.kv()).put(name, JSON.stringify(record));
    } catch (error) {
      // The answer was given; a retry then finds the request in flight until its lease ends, never a second execution before that.
      this.logger.error(`Could not record the outcome of an idempotent request: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Forgets a key whose request did nothing (the service was unavailable), so a retry runs it. */
  async release(name: string): Promise<void> {
    try {
      await (await this.kv()).delete(name);
    } catch (error) {
      this.logger.warn(`Could not release an idempotency key: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
