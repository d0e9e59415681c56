import { jetstream, jetstreamManager, DeliverPolicy, AckPolicy } from '@nats-io/jetstream';
import { eventStreamName, eventSubject } from '@warden/contracts';
import type { CloudEvent } from '@warden/contracts';
import { assertDocumentedEvent } from './asyncapi-event.validator';
import { connectToTestNats } from './nats.connect';

/**
 * Reads events of one type from the JetStream stream, as an integrator would (the `integrator` NATS user),
 * with an ephemeral consumer. Waits until `predicate` matches or the timeout passes, then returns what matched.
 * Every message read is checked against its AsyncAPI message first (assertDocumentedEvent).
 */
export async function readEvents<T = any>(
  type: string,
  predicate: (event: CloudEvent<T>) => boolean = () => true,
  {
    timeoutMs = 5000,
    atLeast = 1,
    documented = true,
  }: {
    timeoutMs?: number;
    atLeast?: number;
    /** false only for events a test made up (not the product's): they have no AsyncAPI message. */
    documented?: boolean;
  } = {},
): Promise<CloudEvent<T>[]> {
  const connection = await connectToTestNats('integrator');
  try {
    const manager = await jetstreamManager(connection);
    const deadline = Date.now() + timeoutMs;
    let matched: CloudEvent<T>[] = [];
    while (Date.now() < deadline) {
      const info = await manager.consumers.add(eventStreamName(), {
        ack_policy: AckPolicy.None,
        deliver_policy: DeliverPolicy.All,
        filter_subject: eventSubject(type),
        inactive_threshold: 10_000_000_000,
      });
      const consumer = await jetstream(connection).consumers.get(eventStreamName(), info.name);
      matched = [];
      const pending = info.num_pending;
      if (pending > 0) {
        const messages = await consumer.fetch({ max_messages: pending, expires: 2000 });
        let seen = 0;
        for await (const message of messages) {
          const event = message.json<CloudEvent<T>>();
          // Every event a test reads must be what the AsyncAPI document publishes.
          if (documented) assertDocumentedEvent(event);
          if (predicate(event)) matched.push(event);
          if (++seen >= pending) break;
        }
      }
      await manager.consumers.delete(eventStreamName(), info.name).catch(() => undefined);
      if (matched.length >= atLeast) return matched;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return matched;
  } finally {
    await connection.close();
  }
}
