#!/usr/bin/env node
// Permission preview latency (issue 15, item 2): a group of 50 people (the Employee group) in a tenant with
// 100,000 orders; target p95 <= 200 ms for `POST /permissions/preview` of that group's status access
// (lowering "Ready" and "In repair" to none: every member loses the orders there). Through a gateway of its
// own copy of the product (BenchStack), with the product's own code end to end: the gateway, the permissions
// service's preview (levels and scopes of 50 people) and the workflow service's counts (one pair of filters).
// The seed's master has personal levels on both statuses, so the preview lists 49 of the 50.
// Usage: npm run bench:preview  (BENCH_PREVIEW_ORDERS=<n>, default 100000; BENCH_PREVIEW_REQUESTS=<n>, default 200)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { say } from '../tools/lib/services.mjs';
import { insertOrders } from './lib/million.mjs';
import { call, expectStatus, seed } from './lib/seed.mjs';
import { BenchStack } from './lib/stack.mjs';
import { fmt, fmtInt, percentile } from './lib/stats.mjs';

const ORDERS = Number(process.env.BENCH_PREVIEW_ORDERS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_PREVIEW_REQUESTS ?? 200);
const WARMUP = 20;
const PEOPLE = 50;
const TARGET_P95_MS = 200;
const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'permissions-preview.md');
const log = (message) => say('bench:preview', message);
const stack = new BenchStack();

async function main() {
  await stack.start();
  const base = stack.gateways.cached;
  const tenant = await seed(base);
  const token = tenant.adminToken;
  const groups = await expectStatus(call(base, 'GET', '/api/v1/groups', undefined, token), 200, 'list groups');
  const employees = groups.find((group) => group.systemKey === 'employee');
  // The seed's master is one member already; every new employee joins the Employee group.
  log(`creating ${PEOPLE - 1} more employees`);
  for (let i = 1; i < PEOPLE; i++) {
    await expectStatus(
      call(base, 'POST', '/api/v1/staff', { lastName: `Master ${i}`, firstName: 'Bench', email: `master${i}@${tenant.slug}.test` }, token),
      201,
      'create employee',
    );
  }
  const members = await expectStatus(call(base, 'GET', `/api/v1/groups/${employees.id}`, undefined, token), 200, 'read group');
  log(`Employee group: ${members.memberCount ?? '?'} members; inserting ${fmtInt(ORDERS)} orders`);
  const inserted = await insertOrders(stack.databaseUrl, {
    tenantId: tenant.tenantId,
    workflowId: tenant.workflowId,
    createdBy: tenant.employeeId,
    statuses: tenant.statuses,
    count: ORDERS,
  });
  log(`inserted in ${fmt(inserted.seconds, 1)} s (${fmtInt(inserted.total)} orders in the tenant)`);

  const body = {
    kind: 'group-status-access',
    targetId: employees.id,
    change: {
      levels: [
        { statusId: tenant.status.Ready, level: 'none' },
        { statusId: tenant.status['In repair'], level: 'none' },
      ],
    },
  };
  const preview = () => call(base, 'POST', '/api/v1/permissions/preview', body, token);
  const first = await expectStatus(preview(), 200, 'preview');
  const lost = first.people.map((person) => person.orders.lose.total);
  log(`${first.people.length} people listed; orders lost per person: ${Math.min(...lost)}..${Math.max(...lost)}`);
  for (let i = 0; i < WARMUP; i++) await expectStatus(preview(), 200, 'preview');
  const latencies = [];
  for (let i = 0; i < REQUESTS; i++) {
    stack.assertHealthy();
    const started = performance.now();
    await expectStatus(preview(), 200, 'preview');
    latencies.push(performance.now() - started);
  }
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const pass = p95 <= TARGET_P95_MS;
  const lines = [
    `## ${new Date().toISOString()}`,
    '',
    `| measure | value |`,
    '|---|---|',
    `| orders in the tenant | ${fmtInt(inserted.total)} |`,
    `| people in the group / listed by the preview | ${PEOPLE} / ${first.people.length} |`,
    `| sequential previews measured (after ${WARMUP} warm-up) | ${REQUESTS} |`,
    `| p50 / p95 ms | ${fmt(p50, 1)} / ${fmt(p95, 1)} |`,
    '',
    `| target | value | verdict |`,
    '|---|---|---|',
    `| p95 <= ${TARGET_P95_MS} ms, group of ${PEOPLE}, ${fmtInt(ORDERS)} orders | ${fmt(p95, 1)} ms | ${pass ? 'PASS' : 'MISS'} |`,
  ];
  console.log(['', ...lines, ''].join('\n'));
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark: permission preview\n';
  writeFileSync(resultsFile, `${previous.replace(/\s*$/, '\n')}\n${lines.join('\n')}\n`);
  log(`appended to ${path.relative(process.cwd(), resultsFile)}`);
}

stack.run(main, log);
