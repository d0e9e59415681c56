import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@warden/messaging';
import { eventSubject, isCloudEvent } from '@warden/contracts';
import { SESSION_ENDED, SessionRevocations } from '../auth/session-revocations';
import { RealtimeConnectionRegistry } from './realtime-connection.registry';
import type { RealtimeConnection } from './realtime-connection.registry';

/** The last event of a stream whose session ended: the client signs in again instead of reconnecting. */
export const SESSION_ENDED_EVENT = 'session.ended';

/**
 * Fans the inquiries service's events out to the open streams. Each event names its audience — the
 * people the inquiries service's visibility rule lets see the item (participants, the assignee,
 * chat administrators of the item's branch) — and goes to exactly those people's streams of that
 * tenant, so a chat administrator of branch A never receives branch B's messages. A plain NATS
 * subscription reaches every gateway replica; a missed event is recovered by the client's next
 * list request (realtime is a hint, the REST API is the record).
 *
 * A stream lives no longer than its session: when the session is revoked (sign-out here, or identity's
 * `identity.sessions.revoked.v1`), its streams get `session.ended` and are closed.
 */
@Injectable()
export class RealtimeHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeHub.name);
  private readonly streams = new RealtimeConnectionRegistry();
  private subscription: Subscription | null = null;
  private readonly stopFollowingRevocations: () => void;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly revocations: SessionRevocations,
  ) {
    // From construction on, so no revocation announced while the application starts is missed.
    this.stopFollowingRevocations = revocations.onRevoked((sessionId) => this.endSession(sessionId));
  }

  onApplicationBootstrap(): void {
    this.subscription = this.nats.subscribe(eventSubject('inquiries.>'), {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Realtime subscription: ${error.message}`);
        try {
          const event: unknown = message.json();
          if (isCloudEvent(event)) this.dispatch(event.tenantid, event.id, event.type, event.time, event.subject, event.data);
        } catch {
          this.logger.warn('Ignoring an inquiries message that is not JSON');
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.stopFollowingRevocations();
    this.subscription?.unsubscribe();
    for (const connection of this.streams.takeAll()) connection.end();
  }

  /** Registers an open stream; one whose session was revoked while it was being opened is ended at once. */
  add(connection: RealtimeConnection): void {
    if (this.revocations.isRevoked(connection.sessionId)) return sayGoodbye(connection);
    this.streams.add(connection);
  }

  remove(connection: RealtimeConnection): void {
    this.streams.remove(connection);
  }

  /** Open streams, for health and tests. */
  get size(): number {
    return this.streams.size;
  }

  private endSession(sessionId: string): void {
    for (const connection of this.streams.takeSession(sessionId)) sayGoodbye(connection);
  }

  private dispatch(tenantId: string, id: string, type: string, time: string, subject: string, data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const { audience, ...payload } = data as { audience?: unknown };
    if (!Array.isArray(audience)) return;
    for (const personId of audience) {
      if (typeof personId !== 'string') continue;
      for (const connection of this.streams.ofPerson(tenantId, personId)) {
        connection.send(type, id, { id, type, time, subject, data: payload });
      }
    }
  }
}

/** Sends `session.ended` (same code as the 401 a new request of this session gets), then closes the stream. */
function sayGoodbye(connection: RealtimeConnection): void {
  connection.send(SESSION_ENDED_EVENT, randomUUID(), { code: SESSION_ENDED.code, detail: SESSION_ENDED.detail });
  connection.end();
}
