import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerMessages } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventStreamName, eventSubject, isCloudEvent, SessionsRevokedV1 } from '@warden/contracts';
import { NATS_CONNECTION } from '@warden/messaging';
import { SessionRevocations } from './session-revocations';

/** The longest access-token lifetime identity allows (ACCESS_TOKEN_TTL_SECONDS <= 86,400): how far back a starting gateway reads. */
const REPLAY_WINDOW_MS = 24 * 3600 * 1000;
/** A gateway starts serving after replaying the window, or after this long whatever the backlog. */
const REPLAY_TIMEOUT_MS = 5_000;

/**
 * Feeds SessionRevocations from `identity.sessions.revoked.v1` on JetStream: an ordered (ephemeral) consumer
 * that starts one token lifetime back, so a gateway that was down or just started refuses sessions revoked
 * meanwhile before it serves its first request, then follows new revocations as they are published.
 */
@Injectable()
export class SessionRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocationListener.name);
  private messages: ConsumerMessages | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly revocations: SessionRevocations,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stream = eventStreamName();
    const subject = eventSubject(SessionsRevokedV1.type);
    // The last revocation published so far: serving starts once the replay has reached it.
    const last = await (await jetstreamManager(this.nats)).streams.getMessage(stream, { last_by_subj: subject }).catch(() => null);
    const consumer = await jetstream(this.nats).consumers.get(stream, {
      // One subject as a string: a list needs nats-server 2.10, and 2.9 is still common.
      filter_subjects: subject,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(Date.now() - REPLAY_WINDOW_MS).toISOString(),
    });
    this.messages = await consumer.consume();
    let caughtUp!: () => void;
    const replayed = new Promise<void>((resolve) => (caughtUp = resolve));
    if (!last) caughtUp();
    void (async () => {
      for await (const message of this.messages!) {
        this.apply(message.json<unknown>());
        if (last && message.seq >= last.seq) caughtUp();
      }
    })().catch((error: unknown) => this.logger.warn(`Session revocations stopped: ${String(error)}`));
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, REPLAY_TIMEOUT_MS).unref());
    await Promise.race([replayed, timeout]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.messages?.close();
  }

  private apply(event: unknown): void {
    if (!isCloudEvent(event)) return;
    const data = event.data as Partial<SessionsRevokedV1>;
    const until = typeof data.tokensExpireBy === 'string' ? Date.parse(data.tokensExpireBy) : NaN;
    if (!Array.isArray(data.sessionIds) || Number.isNaN(until)) return;
    for (const sessionId of data.sessionIds) if (typeof sessionId === 'string') this.revocations.revoke(sessionId, until);
  }
}
