import { Inject, Injectable } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventStreamName, isCloudEvent } from '@warden/contracts';
import { NATS_CONNECTION } from '@warden/messaging';
import type { StoredEvent } from './delivery.repository';

/** A replay reads at most this many messages of the stream (all tenants); older events need a later `since`. */
export const MAX_REPLAY_SCAN = 50_000;
const BATCH = 500;

/**
 * Reads the event stream from an instant with a short-lived consumer of its own, keeping one tenant's events:
 * a replay reaches back as far as the stream keeps events (30 days), not only to when the endpoint was added.
 */
@Injectable()
export class StreamReplayReader {
  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  async eventsSince(tenantId: string, since: Date): Promise<StoredEvent[]> {
    const stream = eventStreamName();
    const manager = await jetstreamManager(this.nats);
    const info = await manager.consumers.add(stream, {
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: since.toISOString(),
      inactive_threshold: 30_000_000_000,
    });
    try {
      const consumer = await jetstream(this.nats).consumers.get(stream, info.name);
      const total = Math.min(info.num_pending, MAX_REPLAY_SCAN);
      const events: StoredEvent[] = [];
      let seen = 0;
      while (seen < total) {
        const messages = await consumer.fetch({ max_messages: Math.min(BATCH, total - seen), expires: 2000 });
        let inBatch = 0;
        for await (const message of messages) {
          inBatch += 1;
          seen += 1;
          const body = message.string();
          const event: unknown = JSON.parse(body);
          // The stream's clock is the publish time, a little after the event's own `time`.
          if (isCloudEvent(event) && event.tenantid === tenantId && Date.parse(event.time) >= since.getTime()) {
            events.push({
              id: event.id,
              tenantId,
              type: event.type,
              subject: event.subject,
              time: event.time,
              body,
              streamSeq: message.seq,
            });
          }
          if (seen >= total) break;
        }
        if (inBatch === 0) break;
      }
      return events;
    } finally {
      await manager.consumers.delete(stream, info.name).catch(() => undefined);
    }
  }
}
