import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerMessages, OrderedConsumerOptions } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventStreamName, eventSubject, isCloudEvent, SessionsRevokedV1 } from '@warden/contracts';
import { NATS_CONNECTION } from '@warden/messaging';
import { SessionRevocations } from './session-revocations';

/** The longest access-token lifetime identity allows (ACCESS_TOKEN_TTL_SECONDS <= 86,400): how far back a starting gateway reads. */
const REPLAY_WINDOW_MS = 24 * 3600 * 1000;
/** A gateway starts serving after replaying the window, or after this long whatever the backlog. */
const REPLAY_TIMEOUT_MS = 5_000;
/** Pause before creating the consumer again after it failed; doubles up to the last step. */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];
/** Missed heartbeats in a row after which the consumer is taken for dead and created again. */
const HEARTBEATS_MISSED_LIMIT = 3;

/**
 * Feeds SessionRevocations from `identity.sessions.revoked.v1` on JetStream, for what lives beyond one request
 * (realtime streams get `session.ended`) and so this gateway refuses a known-ended session without asking
 * identity. Whether a request may proceed does not depend on this feed (LiveSessionCheck asks identity), so a
 * late event never lets an ended session through.
 *
 * An ordered (ephemeral) consumer that starts one token lifetime back, so a starting gateway knows the sessions
 * revoked meanwhile before it serves, then follows new revocations. It resumes from a watermark: the stream
 * sequence of the last revocation applied. Left to itself, the client library's ordered consumer did not recover
 * from a server restart (e2e/sessions-gateways.e2e-spec.ts: no revocation arrived after a 10 s outage; its
 * recovery looks the lost consumer up on a 30 s backoff and restarts its heartbeat monitor only when that lookup
 * succeeds). So on every reconnect, after missed heartbeats or any failure, the consumer is dropped and created
 * again right after the watermark, retrying with backoff for as long as the gateway runs: nothing published
 * meanwhile is missed.
 */
@Injectable()
export class SessionRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocationListener.name);
  private messages: ConsumerMessages | null = null;
  private stopped = false;
  /** Stream sequence of the last revocation applied; 0 before the first. */
  private watermark = 0;
  private readonly startedAt = Date.now();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly revocations: SessionRevocations,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stream = eventStreamName();
    const subject = eventSubject(SessionsRevokedV1.type);
    // The last revocation published so far: serving starts once the replay has reached it.
    const last = await (await jetstreamManager(this.nats)).streams.getMessage(stream, { last_by_subj: subject }).catch(() => null);
    let caughtUp!: () => void;
    const replayed = new Promise<void>((resolve) => (caughtUp = resolve));
    if (!last) caughtUp();
    void this.follow(stream, subject, (seq) => {
      if (last && seq >= last.seq) caughtUp();
    });
    void this.recreateOnReconnect();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, REPLAY_TIMEOUT_MS).unref());
    await Promise.race([replayed, timeout]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => undefined);
  }

  /** Consumes until the gateway stops: each pass creates the consumer after the watermark and reads until it ends. */
  private async follow(stream: string, subject: string, applied: (seq: number) => void): Promise<void> {
    let failures = 0;
    while (!this.stopped && !this.nats.isClosed()) {
      try {
        const consumer = await jetstream(this.nats).consumers.get(stream, this.startAfterWatermark(subject));
        const messages = await consumer.consume();
        this.messages = messages;
        if (this.stopped) await messages.close();
        void this.recreateWhenSilent(messages);
        failures = 0;
        for await (const message of messages) {
          this.apply(message.data);
          this.watermark = message.seq;
          applied(message.seq);
        }
      } catch (error) {
        failures++;
        if (!this.stopped) this.logger.warn(`Session revocations: ${String(error)}; following again after the last one applied`);
      }
      if (this.stopped) return;
      const pause = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]!;
      await new Promise((resolve) => setTimeout(resolve, failures === 0 ? 0 : pause));
    }
  }

  private startAfterWatermark(subject: string): Partial<OrderedConsumerOptions> {
    // One subject as a string: a list needs nats-server 2.10, and 2.9 is still common.
    if (this.watermark > 0)
      return { filter_subjects: subject, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: this.watermark + 1 };
    // Nothing applied yet: the whole window again (applying a revocation twice changes nothing).
    return {
      filter_subjects: subject,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(this.startedAt - REPLAY_WINDOW_MS).toISOString(),
    };
  }

  /** After a reconnect the server may have lost the ephemeral consumer: end this pass, `follow` starts the next. */
  private async recreateOnReconnect(): Promise<void> {
    for await (const status of this.nats.status()) {
      if (this.stopped) return;
      if (status.type !== 'reconnect') continue;
      this.logger.log('NATS reconnected: following session revocations again after the last one applied');
      await this.messages?.close().catch(() => undefined);
    }
  }

  private async recreateWhenSilent(messages: ConsumerMessages): Promise<void> {
    for await (const notice of messages.status()) {
      if (notice.type === 'heartbeats_missed' && notice.count >= HEARTBEATS_MISSED_LIMIT) {
        this.logger.warn('Session revocations: heartbeats missed; following again after the last one applied');
        await messages.close().catch(() => undefined);
        return;
      }
    }
  }

  private apply(payload: Uint8Array): void {
    let event: unknown;
    try {
      event = JSON.parse(Buffer.from(payload).toString('utf8'));
    } catch {
      return this.logger.warn('Ignoring a session revocation that is not JSON');
    }
    if (!isCloudEvent(event)) return;
    const data = event.data as Partial<SessionsRevokedV1>;
    const until = typeof data.tokensExpireBy === 'string' ? Date.parse(data.tokensExpireBy) : NaN;
    if (!Array.isArray(data.sessionIds) || Number.isNaN(until)) return;
    for (const sessionId of data.sessionIds) if (typeof sessionId === 'string') this.revocations.revoke(sessionId, until);
  }
}
