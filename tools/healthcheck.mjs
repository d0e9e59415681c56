#!/usr/bin/env node
// Container health probe (Dockerfile HEALTHCHECK, docker-compose), run inside the service's container:
// - gateway: GET http://127.0.0.1:$PORT/health/ready (or /health/live with the argument `live`);
// - the other services have no HTTP port: a NATS request to their `rpc.<service>.health` subject, which they
//   answer only when their database answers.
// Exit code 0 = healthy, 1 = not. Caveat: with several replicas in one queue group, any replica may answer.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const TIMEOUT_MS = 3000;
const service = process.env.SERVICE;

async function gatewayHealthy() {
  const path = process.argv[2] === 'live' ? 'live' : 'ready';
  const response = await fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}/health/${path}`, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  return response.status === 200;
}

async function serviceHealthy() {
  const { connect, credsAuthenticator } = await import('@nats-io/transport-node');
  const { readFileSync } = await import('node:fs');
  // Same subject naming as the services (NATS_SUBJECT_PREFIX), from the compiled contracts (whose DTO
  // decorators need reflect-metadata loaded first).
  const require = createRequire(import.meta.url);
  require('reflect-metadata');
  const { rpcSubject } = require('../dist/libs/contracts/src/index.js');
  const subject = rpcSubject(`${service}.health`);
  // As the service itself (its NATS user may request its own health subject).
  const auth = process.env.NATS_USER
    ? { user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD }
    : process.env.NATS_CREDS
      ? { authenticator: credsAuthenticator(readFileSync(process.env.NATS_CREDS)) }
      : {};
  // NATS_URL may list several servers, comma-separated (a cluster), as the services accept it.
  const servers = (process.env.NATS_URL ?? 'nats://127.0.0.1:4222')
    .split(',')
    .map((server) => server.trim())
    .filter(Boolean);
  const connection = await connect({ servers, timeout: TIMEOUT_MS, ...auth });
  try {
    // NestJS' NATS transport expects its packet shape: { pattern, data, id }, and answers { response | err, id }.
    const packet = {
      pattern: subject,
      data: { ctx: { tenantId: '', actorId: null, requestId: randomUUID() }, data: {} },
      id: randomUUID(),
    };
    const reply = (await connection.request(subject, JSON.stringify(packet), { timeout: TIMEOUT_MS })).json();
    return !reply.err && reply.response?.status === 'ok';
  } finally {
    await connection.close();
  }
}

if (!service) {
  console.error('healthcheck: SERVICE is not set');
  process.exit(1);
}
(service === 'gateway' ? gatewayHealthy() : serviceHealthy()).then(
  (healthy) => process.exit(healthy ? 0 : 1),
  (error) => {
    console.error(`healthcheck: ${error.message}`);
    process.exit(1);
  },
);
