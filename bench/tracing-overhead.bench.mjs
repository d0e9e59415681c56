#!/usr/bin/env node
// What tracing costs (issue 16, item 4): two copies of the product side by side (BenchStack: own database, own
// NATS subject prefix), one without an OTLP endpoint (tracing off: every span a no-op) and one exporting every
// span (parentbased always-on, the default sampler) to an OTLP/HTTP sink in this process that answers 200 at
// once. Alternating rounds through each copy's cache-off gateway (every request asks permissions over NATS):
//   read   GET /api/v1/orders/{id} as an employee         (gateway → permissions → workflow → PostgreSQL)
//   write  POST /api/v1/orders as the administrator        (the above, plus the outbox, its relay and consumers)
// Reports req/s medians and the on/off ratio per path, and the spans exported. Appends to bench/results/tracing.md.
// Usage: npm run bench:tracing   (BENCH_TRACING_ROUNDS=5, BENCH_TRACING_SECONDS=3, BENCH_TRACING_CONNECTIONS=10)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { say } from '../tools/lib/services.mjs';
import { hammer } from './lib/load.mjs';
import { seed } from './lib/seed.mjs';
import { BenchStack } from './lib/stack.mjs';
import { fmt, fmtInt, median } from './lib/stats.mjs';

const ROUNDS = Number(process.env.BENCH_TRACING_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_TRACING_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_TRACING_CONNECTIONS ?? 10);
const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'tracing.md');
const log = (message) => say('bench:tracing', message);
const startedAt = Date.now();

/** An OTLP/HTTP collector that keeps nothing: counts export requests and their bytes. */
function startSink() {
  const received = { requests: 0, bytes: 0 };
  const server = createServer((request, response) => {
    request.on('data', (chunk) => (received.bytes += chunk.length));
    request.on('end', () => {
      received.requests += 1;
      response.statusCode = 200;
      response.setHeader('content-type', request.headers['content-type'] ?? 'application/x-protobuf');
      response.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, received, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

const sink = await startSink();
const copies = {
  off: new BenchStack(),
  on: new BenchStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_BSP_SCHEDULE_DELAY: '500' } }),
};

async function stopAll() {
  await Promise.all(Object.values(copies).map((copy) => copy.stop()));
  sink.server.close();
}

async function main() {
  for (const [name, copy] of Object.entries(copies)) {
    log(`starting the copy with tracing ${name}`);
    await copy.start();
  }
  const targets = {};
  for (const [name, copy] of Object.entries(copies)) {
    const base = copy.gateways.uncached;
    const seeded = await seed(base);
    targets[name] = {
      read: { url: `${base}/api/v1/orders/${seeded.visibleOrder.id}`, token: seeded.employeeToken },
      write: { url: `${base}/api/v1/orders`, token: seeded.adminToken, method: 'POST', body: { title: 'Tracing bench order' } },
    };
  }
  const run = async (name, path, seconds) => {
    for (const copy of Object.values(copies)) copy.assertHealthy();
    const result = await hammer({ ...targets[name][path], seconds, connections: CONNECTIONS });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${path}, tracing ${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return result;
  };
  const rps = { read: { off: [], on: [] }, write: { off: [], on: [] } };
  for (const path of ['read', 'write']) for (const name of ['off', 'on']) await run(name, path, 1); // warm-up
  const exportsBefore = { ...sink.received };
  for (let round = 0; round < ROUNDS; round++) {
    for (const path of ['read', 'write']) {
      for (const name of round % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
        const result = await run(name, path, SECONDS);
        rps[path][name].push(result.rps);
        log(
          `  round ${round + 1} ${path.padEnd(5)} tracing ${name.padEnd(3)} ${fmtInt(result.rps).padStart(6)} req/s  p99 ${result.p99} ms`,
        );
      }
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the last batch of spans
  const exported = { requests: sink.received.requests - exportsBefore.requests, bytes: sink.received.bytes - exportsBefore.bytes };

  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  const row = (path, what) => {
    const off = median(rps[path].off);
    const on = median(rps[path].on);
    return `| ${what} | ${fmtInt(off)} | ${fmtInt(on)} | ${fmt(on / off, 2)} |`;
  };
  const lines = [
    `## Tracing on vs off (${new Date().toISOString()})`,
    '',
    'Command: `npm run bench:tracing` (`node bench/tracing-overhead.bench.mjs`)',
    '',
    `node ${process.version}, ${os.cpus().length} CPU, load average at the end ${load}, whole run ${fmt((Date.now() - startedAt) / 1000, 0)} s. ` +
      `Two copies of the product side by side, ${ROUNDS} alternating rounds of ${SECONDS} s per path and copy, ${CONNECTIONS} connections, ` +
      'through the cache-off gateway; tracing on exports every span (always-on sampling) over OTLP/HTTP to a sink answering at once.',
    '',
    '| path | req/s, tracing off | req/s, tracing on | on / off |',
    '|---|---|---|---|',
    row('read', 'GET /api/v1/orders/{id} (employee)'),
    row('write', 'POST /api/v1/orders (administrator)'),
    '',
    `Spans exported while measuring: ${fmtInt(exported.requests)} OTLP requests, ${fmt(exported.bytes / 1024 / 1024, 1)} MiB.`,
  ];
  console.log(['', ...lines, ''].join('\n'));
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark: tracing overhead\n';
  writeFileSync(resultsFile, `${previous.replace(/\s*$/, '\n')}\n${lines.join('\n')}\n`);
  log(`appended to ${path.relative(process.cwd(), resultsFile)}`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll().then(() => process.exit(130)));
process.on('exit', () => Object.values(copies).forEach((copy) => copy.killAll()));
main().then(
  () => stopAll().then(() => process.exit(0)),
  (error) => {
    log(`failed: ${error.stack ?? error.message}`);
    return stopAll().then(() => process.exit(1));
  },
);
