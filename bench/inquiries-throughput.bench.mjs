#!/usr/bin/env node
// Sustained inquiries per second through the gateway (issue 6, item 9, second half). Starts its own copy of
// the product as processes (BenchStack: own database, own NATS subject prefix), seeds over HTTP a tenant with
// 2 branches, ~50 employees holding 'inquiries.assignable' and signed in (online) in modes that accept clients
// (my_branches; a few with 'branches.all' in 'anyone') and ~2,000 contacts, then drives
// POST /api/v1/inquiries {contactId, text} as the tenant's administrator (a chat administrator) for ~10 s at
// full speed, every request a different contact (so every request opens and routes a new inquiry).
// Reports inquiries/s, p50/p99, errors, assigned vs waiting, CPU per inquiry of the gateway and the inquiries
// service, and the serialized routing section per inquiry (gaps between consecutive stored decisions: the
// tenant's routing lock makes one tenant's inquiries strictly sequential). Appends to
// bench/results/inquiries-routing.md (replacing an earlier throughput section).
// Usage: npm run bench:inquiries   (BENCH_INQ_SECONDS=10, BENCH_INQ_CONCURRENCY=16, BENCH_INQ_CONTACTS=2000,
//        BENCH_INQ_EMPLOYEES=50)
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { say } from '../tools/lib/services.mjs';
import { cpuSnapshot } from './lib/cpu.mjs';
import { call, expectStatus } from './lib/seed.mjs';
import { BenchStack } from './lib/stack.mjs';
import { fmt, fmtInt, median, percentile } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const SECONDS = Number(process.env.BENCH_INQ_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_INQ_CONCURRENCY ?? 16);
const CONTACTS = Number(process.env.BENCH_INQ_CONTACTS ?? 2000);
const EMPLOYEES = Number(process.env.BENCH_INQ_EMPLOYEES ?? 50);
const ANYONE_EVERY = 10; // every 10th employee has 'branches.all' and takes 'anyone'
const WARMUP = 50; // contacts spent on warm-up requests (not measured)
const SEED_PARALLEL = 16;
const PASSWORD = 'bench-correct-horse-battery';
const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'inquiries-routing.md');
const SECTION = '## Sustained inquiries through the gateway';

// The bench signs in ~50 employees from one address and keeps them online for the whole run: relax the
// sign-in limit and the presence timeout of its own processes (BenchStack passes process.env on).
process.env.LOGIN_RATE_PER_ADDRESS ??= '10000';
process.env.LOGIN_RATE_PER_ACCOUNT ??= '10000';
process.env.PRESENCE_TIMEOUT_SECONDS ??= '3600';

const stack = new BenchStack();
const startedAt = Date.now();
const log = (message) => say('bench:inquiries', message);

/** Runs fn over items with at most `parallel` in flight; results in item order. */
async function inParallel(items, parallel, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

async function eventually(fn, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Read-only look at the inquiries service's read models: have the directory/identity events arrived? */
async function readModelCounts(db, tenantId) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM inquiries.contacts WHERE tenant_id = $1) AS contacts,
            (SELECT count(*)::int FROM inquiries.employees e WHERE e.tenant_id = $1 AND e.online AND e.mode <> 'nobody'
               AND EXISTS (SELECT 1 FROM inquiries.right_holders h WHERE h.tenant_id = e.tenant_id AND h."right" = 'inquiries.assignable' AND h.person_id = e.person_id)) AS ready`,
    [tenantId],
  );
  return rows[0];
}

async function seedTenant(base, db) {
  const slug = `bench-inq-${randomBytes(3).toString('hex')}`;
  const adminEmail = `admin@${slug}.test`;
  const created = await expectStatus(
    call(base, 'POST', '/api/v1/tenants', {
      slug,
      name: `Bench ${slug}`,
      administrator: { lastName: 'Admin', firstName: 'Alice', email: adminEmail, password: PASSWORD },
    }),
    201,
    'create tenant',
  );
  const tenantId = created.tenant.id;
  const login = (email) =>
    expectStatus(call(base, 'POST', '/api/v1/auth/login', { tenant: slug, email, password: PASSWORD }), 200, `login ${email}`);
  const adminToken = (await login(adminEmail)).accessToken;
  const branches = [];
  for (const name of ['A', 'B'])
    branches.push(
      (
        await expectStatus(
          call(base, 'POST', '/api/v1/branches', { name: `Branch ${name}`, timeZone: 'UTC' }, adminToken),
          201,
          'create branch',
        )
      ).id,
    );
  const everywhere = await expectStatus(
    call(
      base,
      'POST',
      '/api/v1/groups',
      {
        name: 'Reception everywhere',
        rights: ['auth.login', 'staff.read', 'chats.internal', 'inquiries.assignable', 'inquiries.own-reception', 'branches.all'],
      },
      adminToken,
    ),
    201,
    'create group',
  );

  log(`seeding ${EMPLOYEES} employees (every ${ANYONE_EVERY}th in 'anyone' with branches.all, the rest 'my_branches' over 2 branches)`);
  let t = Date.now();
  // Creating and signing in hash/verify a password (argon2, CPU-bound in identity): 2 at a time, not more.
  const employees = await inParallel(
    Array.from({ length: EMPLOYEES }, (_, i) => i),
    2,
    async (i) => {
      const anyone = i % ANYONE_EVERY === 0;
      const email = `e${i}@${slug}.test`;
      const body = {
        lastName: `Employee${i}`,
        firstName: 'Bench',
        email,
        password: PASSWORD,
        ...(anyone ? { groupIds: [everywhere.id] } : {}),
      };
      const employee = await expectStatus(call(base, 'POST', '/api/v1/staff', body, adminToken), 201, 'create employee');
      const branchBody = anyone
        ? { mainBranchId: branches[0], additionalBranchIds: [], allBranches: true }
        : { mainBranchId: branches[i % 2], additionalBranchIds: i % 7 === 0 ? [branches[(i + 1) % 2]] : [], allBranches: false };
      await expectStatus(call(base, 'PUT', `/api/v1/staff/${employee.id}/branches`, branchBody, adminToken), 200, 'employee branches');
      return { id: employee.id, email, mode: anyone ? 'anyone' : 'my_branches' };
    },
  );
  // The mode needs the employee (and, for 'anyone', its right) known to the inquiries service: retry until it is.
  await inParallel(employees, 8, (employee) =>
    eventually(
      () =>
        expectStatus(
          call(base, 'PUT', `/api/v1/inquiries/reception/${employee.id}`, { mode: employee.mode }, adminToken),
          200,
          'reception mode',
        ),
      'reception mode',
    ),
  );
  await inParallel(
    employees,
    2,
    async (employee) => (employee.token = (await eventually(() => login(employee.email), 'employee login')).accessToken),
  );
  log(`  employees created, modes set, signed in: ${fmt((Date.now() - t) / 1000, 1)} s`);

  log(`seeding ${fmtInt(CONTACTS)} contacts over POST /api/v1/contacts, ${SEED_PARALLEL} in parallel`);
  t = Date.now();
  const contacts = await inParallel(
    Array.from({ length: CONTACTS }, (_, i) => i),
    SEED_PARALLEL,
    async (i) => {
      const body = { lastName: `Client${i}`, firstName: 'Bench', email: `c${i}@${slug}.client.test`, branchId: branches[i % 2] };
      return (await expectStatus(call(base, 'POST', '/api/v1/contacts', body, adminToken), 201, 'create contact')).id;
    },
  );
  const contactSeconds = (Date.now() - t) / 1000;
  log(`  ${fmtInt(contacts.length)} contacts in ${fmt(contactSeconds, 1)} s (${fmtInt(contacts.length / contactSeconds)}/s)`);
  await eventually(
    async () => {
      const counts = await readModelCounts(db, tenantId);
      if (counts.contacts < CONTACTS || counts.ready < EMPLOYEES)
        throw new Error(`read models: ${counts.contacts} contacts, ${counts.ready} employees ready`);
    },
    'the inquiries read models catching up',
    120_000,
  );
  return { slug, tenantId, adminToken, branches, employees, contacts, contactSeconds };
}

/** POST /api/v1/inquiries with `concurrency` in flight, each request a contact not used before, for `seconds`. */
async function drive(base, token, contacts, { seconds, concurrency }) {
  const samples = [];
  const outcomes = { assigned: 0, waiting: 0, other: 0 };
  const failures = new Map(); // "HTTP 409 CODE" -> count
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && next < contacts.length) {
        const contactId = contacts[next++];
        const t0 = performance.now();
        try {
          const response = await fetch(`${base}/api/v1/inquiries`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ contactId, text: 'Hello, my phone does not charge any more' }),
          });
          const body = await response.json().catch(() => null);
          samples.push(performance.now() - t0);
          if (response.status === 201 && body?.created)
            outcomes[body.status === 'assigned' ? 'assigned' : body.status === 'waiting' ? 'waiting' : 'other'] += 1;
          else {
            const key = `HTTP ${response.status} ${body?.code ?? ''}${response.status === 201 ? ' (joined an open inquiry)' : ''}`.trim();
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
        } catch (error) {
          errors += 1;
          failures.set(error.cause?.code ?? error.message, (failures.get(error.cause?.code ?? error.message) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: samples.length + errors,
    elapsed,
    rps: samples.length / elapsed,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
    outcomes,
    errors,
    failures,
    exhausted: next >= contacts.length,
  };
}

/** What the inquiries service stored for the measured inquiries: outcomes, and the gaps between consecutive decisions. */
async function storedDecisions(db, tenantId, since) {
  const { rows: outcomes } = await db.query(
    `SELECT outcome, count(*)::int AS n FROM inquiries.routing_decisions WHERE tenant_id = $1 AND decided_at >= $2 GROUP BY outcome ORDER BY outcome`,
    [tenantId, since],
  );
  const { rows: times } = await db.query(
    `SELECT extract(epoch FROM decided_at) * 1000 AS ms FROM inquiries.routing_decisions WHERE tenant_id = $1 AND decided_at >= $2 ORDER BY decided_at`,
    [tenantId, since],
  );
  const gaps = [];
  for (let i = 1; i < times.length; i++) gaps.push(Number(times[i].ms) - Number(times[i - 1].ms));
  const { rows: load } = await db.query(
    `SELECT min(open_inquiries)::int AS min, max(open_inquiries)::int AS max FROM inquiries.employees e WHERE e.tenant_id = $1 AND e.mode <> 'nobody' AND e.online`,
    [tenantId],
  );
  return { outcomes, gapP50: percentile(gaps, 50), gapP99: percentile(gaps, 99), load: load[0] };
}

function appendResults(lines) {
  const before = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark: inquiry routing (issue 6, item 9)\n';
  const at = before.indexOf(SECTION);
  const kept = (at >= 0 ? before.slice(0, at) : before).replace(/\s*$/, '\n');
  writeFileSync(resultsFile, `${kept}\n${lines.join('\n')}\n`);
}

async function main() {
  await stack.start();
  const base = stack.gateways.cached;
  const { Client } = require('pg');
  const db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const seeded = await seedTenant(base, db);
    stack.assertHealthy();
    const warm = seeded.contacts.slice(0, WARMUP);
    const measured = seeded.contacts.slice(WARMUP);
    log(`warm-up: ${warm.length} inquiries, 4 in flight`);
    await drive(base, seeded.adminToken, warm, { seconds: 30, concurrency: 4 });
    const since = new Date();
    const cpu = cpuSnapshot({
      gateway: stack.pid('gateway-cached'),
      inquiries: stack.pid('inquiries'),
      permissions: stack.pid('permissions'),
      identity: stack.pid('identity'),
    });
    log(
      `measuring: POST /api/v1/inquiries, ${CONCURRENCY} in flight, ${SECONDS} s, each a new contact (${fmtInt(measured.length)} available)`,
    );
    const result = await drive(base, seeded.adminToken, measured, { seconds: SECONDS, concurrency: CONCURRENCY });
    const perInquiry = cpu.perRequest(result.outcomes.assigned + result.outcomes.waiting);
    stack.assertHealthy();
    const stored = await storedDecisions(db, seeded.tenantId, since);
    const failures = [...result.failures.entries()].map(([key, n]) => `${key} x${n}`).join(', ') || 'none';
    const load = os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(', ');
    const environment = `node ${process.version}, ${os.cpus().length} CPU, load average at the end ${load}, ${new Date().toISOString()}, whole run ${fmt((Date.now() - startedAt) / 1000, 0)} s`;
    const lines = [
      SECTION,
      '',
      'Command: `npm run bench:inquiries` (`node bench/inquiries-throughput.bench.mjs`)',
      '',
      environment,
      `Product as processes (BenchStack: own database and subject prefix), gateway with the decision cache on. Seeded over HTTP: 1 tenant, 2 branches, ` +
        `${seeded.employees.length} employees with inquiries.assignable, signed in (online), ${seeded.employees.filter((e) => e.mode === 'anyone').length} in 'anyone' (branches.all), the rest 'my_branches'; ` +
        `${fmtInt(seeded.contacts.length)} contacts (POST /api/v1/contacts, ${SEED_PARALLEL} in parallel: ${fmtInt(seeded.contacts.length / seeded.contactSeconds)}/s).`,
      `Load: POST /api/v1/inquiries {contactId, text} as the administrator (inquiries.admin), ${CONCURRENCY} in flight for ${SECONDS} s, every request a new contact ` +
        `(opens and routes a new inquiry); ${WARMUP} warm-up inquiries before.${result.exhausted ? ' NOTE: the contacts ran out before the time did.' : ''}`,
      '',
      '| measurement | value |',
      '|---|---|',
      `| sustained inquiries/s | ${fmt(result.rps, 1)} (${fmtInt(result.requests)} requests in ${fmt(result.elapsed, 1)} s) |`,
      `| latency p50 / p99 / max ms | ${fmt(result.p50, 1)} / ${fmt(result.p99, 1)} / ${fmt(result.max, 1)} |`,
      `| errors (non-201 or network) | ${fmtInt(result.requests - result.outcomes.assigned - result.outcomes.waiting)} (${failures}) |`,
      `| created and assigned / waiting | ${fmtInt(result.outcomes.assigned)} / ${fmtInt(result.outcomes.waiting)} |`,
      `| stored decisions (service) | ${stored.outcomes.map((row) => `${row.outcome} ${fmtInt(row.n)}`).join(', ')} |`,
      `| gap between consecutive decisions p50 / p99 ms (the tenant's serialized routing section per inquiry) | ${fmt(stored.gapP50, 2)} / ${fmt(stored.gapP99, 2)} |`,
      `| open inquiries per online employee after the run (min / max) | ${stored.load.min} / ${stored.load.max} |`,
      `| CPU ms per inquiry: gateway, inquiries, permissions, identity | ${['gateway', 'inquiries', 'permissions', 'identity'].map((name) => fmt(perInquiry[name], 2)).join(', ')} |`,
      '',
      "The service does not expose per-decision timings; the decision-only figures are R1-R3 above. One tenant's inquiries",
      'are serialized by the tenant routing lock (pg_advisory_xact_lock), so the inquiries/s of one tenant is bounded by',
      '1 / (time the receive transaction holds the lock), whatever the concurrency.',
    ];
    console.log(['', ...lines, ''].join('\n'));
    appendResults(lines);
    log(`appended to ${path.relative(process.cwd(), resultsFile)}`);
  } finally {
    await db.end().catch(() => undefined);
  }
}

stack.run(main, log);
