// Requests to the services' RPC handlers straight over NATS, in the packet format Nest's NATS transport
// uses ({pattern, data, id} -> {response | err, isDisposed, id}), and a latency probe for P3.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { connect } from '@nats-io/transport-node';

/** NATS as `user` (credentials from the file the bench's nats-server was started with, if any). */
export function natsAuth(credentialsFile, user) {
  return credentialsFile ? { user, pass: JSON.parse(readFileSync(credentialsFile, 'utf8')).users[user] } : {};
}

/** As the gateway: the one user that may request every service's RPC. */
export async function connectNats(natsUrl, credentialsFile) {
  return connect({ servers: natsUrl, name: 'bench', ...natsAuth(credentialsFile, 'gateway') });
}

/** The bytes BusClient sends for `name` with {ctx, data}. */
export function packet(subject, ctx, data) {
  return JSON.stringify({ pattern: subject, data: { ctx, data }, id: randomUUID() });
}

export async function rpc(connection, subject, ctx, data, timeout = 5000) {
  const reply = await connection.request(subject, packet(subject, ctx, data), { timeout });
  const body = reply.json();
  if (body.err) throw new Error(`${subject}: ${JSON.stringify(body.err)}`);
  return body.response;
}

/** Starts bench/echo-responder.mjs as its own process; resolves when it is subscribed. */
export function startEcho(natsUrl, subject, credentialsFile) {
  const script = fileURLToPath(new URL('../echo-responder.mjs', import.meta.url));
  const env = { ...process.env, ...(credentialsFile ? { NATS_CREDENTIALS_FILE: credentialsFile } : {}) };
  const child = spawn(process.execPath, [script, natsUrl, subject], { stdio: ['ignore', 'pipe', 'inherit'], detached: true, env });
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the echo responder did not start')), 10_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.trim() === 'ready') {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`the echo responder exited (${code})`)));
  });
}

/**
 * `count` sequential requests (one in flight, so latency is not queueing behind our own requests),
 * each a fresh packet with a new id as BusClient sends it. Returns latencies in ms.
 */
export async function sequentialLatencies(connection, subject, makePayload, count, check) {
  const samples = new Array(count);
  for (let i = 0; i < count; i++) {
    const payload = makePayload();
    const started = performance.now();
    const reply = await connection.request(subject, payload, { timeout: 5000 });
    samples[i] = performance.now() - started;
    if (check && i === 0) check(reply);
  }
  return samples;
}
