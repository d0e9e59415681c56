// The P3 baseline: a trivial NATS responder in its own process, answering every request with its own bytes.
// Usage: node bench/echo-responder.mjs <nats-url> <subject>; prints "ready" once subscribed.
// It serves under rpc.permissions, as the permissions user (the only one allowed to), beside the real handlers.
import { connect } from '@nats-io/transport-node';
import { natsAuth } from './lib/nats-rpc.mjs';

const [natsUrl, subject] = process.argv.slice(2);
const connection = await connect({ servers: natsUrl, name: 'bench-echo', ...natsAuth(process.env.NATS_CREDENTIALS_FILE, 'permissions') });
connection.subscribe(subject, { callback: (error, message) => !error && message.respond(message.data) });
await connection.flush();
process.stdout.write('ready\n');
const stop = async () => {
  await connection.drain().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
