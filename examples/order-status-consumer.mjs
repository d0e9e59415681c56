#!/usr/bin/env node
// An integrator's consumer of Warden's order status changes: a durable JetStream consumer filtered on
// workflow.order.status-changed.v1, one message at a time, each acknowledged once handled. Stop it at any
// moment and start it again: it resumes after the last acknowledged event (the server keeps the position
// under the durable name). Delivery is at least once, so handle() must tolerate a repeat (use event.id).
//
//   NATS_URL=nats://127.0.0.1:4222 node examples/order-status-consumer.mjs
//
// Environment: NATS_URL (default nats://127.0.0.1:4222); NATS_USER / NATS_PASSWORD when the server requires
// them; CONSUMER_NAME (default my-integration); WARDEN_TENANT_ID to handle one tenant's events only (the
// others are acknowledged and skipped); MAX_EVENTS to stop after that many handled events;
// NATS_SUBJECT_PREFIX when the deployment runs with one (the stream and subjects carry it).
// Dependencies: npm install @nats-io/transport-node @nats-io/jetstream
import { connect } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';

const EVENT_TYPE = 'workflow.order.status-changed.v1';
const prefix = process.env.NATS_SUBJECT_PREFIX?.trim() ?? '';
const stream = prefix ? `WARDEN_EVENTS_${prefix.replace(/[^A-Za-z0-9_-]/g, '_')}` : 'WARDEN_EVENTS';
const subject = prefix ? `${prefix}.${EVENT_TYPE}` : EVENT_TYPE;
const durable = process.env.CONSUMER_NAME ?? 'my-integration';
const tenantId = process.env.WARDEN_TENANT_ID;
const maxEvents = process.env.MAX_EVENTS ? Number(process.env.MAX_EVENTS) : Infinity;

/** Your integration goes here. The event is a CloudEvents 1.0 JSON document (see /docs/asyncapi.json). */
async function handle(event) {
  const { orderId, number, from, to, actorId, at } = event.data;
  console.log(JSON.stringify({ id: event.id, tenant: event.tenantid, orderId, number, from: from.name, to: to.name, actorId, at }));
}

const connection = await connect({
  servers: (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','),
  user: process.env.NATS_USER || undefined,
  pass: process.env.NATS_PASSWORD || undefined,
  name: durable,
});
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopping = true));

// Creating the durable consumer again with the same settings is a no-op: its position survives restarts.
const manager = await jetstreamManager(connection);
await manager.consumers.add(stream, {
  durable_name: durable,
  filter_subject: subject,
  deliver_policy: DeliverPolicy.All,
  ack_policy: AckPolicy.Explicit,
  ack_wait: 30_000_000_000, // 30 s (nanoseconds): an unacknowledged event is delivered again after that
});
const consumer = await jetstream(connection).consumers.get(stream, durable);

let handled = 0;
while (!stopping && handled < maxEvents) {
  // One message per pull, so nothing is fetched that this process would not acknowledge before it stops.
  const message = await consumer.next({ expires: 5_000 });
  if (!message) continue; // nothing new for 5 s: ask again
  const event = message.json();
  if (tenantId && event.tenantid !== tenantId) {
    message.ack();
    continue;
  }
  try {
    await handle(event);
    message.ack();
    handled += 1;
  } catch (error) {
    console.error(`event ${event.id} failed, delivered again later: ${error.message}`);
    message.nak(5_000);
  }
}
await connection.drain();
