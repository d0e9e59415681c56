#!/usr/bin/env node
// Routing decision latency (issue 6, item 9): 1,000 online employees across 20 branches, 10,000 open
// inquiries, target p99 <= 5 ms. Measures, on a real PostgreSQL with the inquiries service's own migrations:
//   R1  the pure routing policy alone (decideRouting over 1,000 candidates)
//   R2  what the service does to decide one new inquiry: load the client, its open inquiry (sticky) and the
//       1,000 candidates with the SQL the service uses, then decide          <- the figure the target is about
//   R3  R2 plus storing the decision (every candidate's verdict) and the assignment, in one transaction
//       (rolled back, so the load stays at 10,000 open inquiries)
// Usage: node bench/inquiries-routing.bench.mjs   (BENCH_ROUTING_ITERATIONS=<n>, default 2000)
// Needs PostgreSQL: DATABASE_URL, the local one, or the embedded fallback (as `npm test` finds it).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, repoRoot } from '../tools/build.mjs';

const require = createRequire(import.meta.url);
const ITERATIONS = Number(process.env.BENCH_ROUTING_ITERATIONS ?? 2000);
const WARMUP = Math.min(300, ITERATIONS);
const EMPLOYEES = 1000;
const BRANCHES = 20;
const OPEN_INQUIRIES = 10_000;
const CONTACTS = 12_000;
const TARGET_P99_MS = 5;
const log = (line) => process.stdout.write(`[bench:routing] ${line}\n`);

await build({ quiet: true });
const dist = (file) => require(path.join(repoRoot, 'dist', file));
const infra = dist('libs/infra/src/index.js');
const { openDataSource } = dist('libs/persistence/src/index.js');
const { INQUIRIES_SERVICE } = dist('services/inquiries/src/inquiries.service-definition.js');
const { decideRouting } = dist('services/inquiries/src/routing/routing.policy.js');
const { CANDIDATES_SQL, toCandidates } = dist('services/inquiries/src/routing/routing.repository.js');

const discovered = await infra.discoverInfrastructure({ purpose: 'test', log: (message) => log(message) });
const database = `warden_bench_routing_${Date.now().toString(36)}`;
await infra.createDatabaseIfMissing(discovered.databaseUrl, database);
const dataSource = await openDataSource({
  service: INQUIRIES_SERVICE.name,
  databaseUrl: infra.withDatabase(discovered.databaseUrl, database),
  entities: INQUIRIES_SERVICE.entities,
  migrations: INQUIRIES_SERVICE.migrations,
});

try {
  const tenantId = randomUUID();
  const noise = randomUUID(); // a second tenant of the same size: every query must stay within its tenant
  const settings = { stickyReleaseMinutes: null, useWorkSchedules: false };
  log(`seeding ${EMPLOYEES} employees x 2 tenants, ${BRANCHES} branches, ${CONTACTS} contacts, ${OPEN_INQUIRIES} open inquiries`);
  const branches = Array.from({ length: BRANCHES }, () => randomUUID());
  for (const tenant of [tenantId, noise]) {
    await dataSource.query(
      `INSERT INTO employees (tenant_id, person_id, full_name, online, presence_at, main_branch_id, additional_branch_ids, all_branches, mode, open_inquiries, last_assigned_at)
       SELECT $1, gen_random_uuid(), 'Employee ' || i, true, now(), ($2::uuid[])[1 + i % $3],
              CASE WHEN i % 7 = 0 THEN ARRAY[($2::uuid[])[1 + (i + 1) % $3]] ELSE '{}'::uuid[] END,
              i % 100 = 0,
              (ARRAY['my_branches', 'my_branches', 'own_clients', 'nobody', 'my_branches'])[1 + i % 5],
              10, now() - make_interval(secs => i)
       FROM generate_series(1, $4) AS i`,
      [tenant, branches, BRANCHES, EMPLOYEES],
    );
    await dataSource.query(
      `INSERT INTO right_holders (tenant_id, "right", person_id)
       SELECT tenant_id, 'inquiries.assignable', person_id FROM employees WHERE tenant_id = $1 AND full_name NOT LIKE '%3'`,
      [tenant],
    );
  }
  const employeeIds = (await dataSource.query(`SELECT person_id FROM employees WHERE tenant_id = $1 ORDER BY person_id`, [tenantId])).map((row) => row.person_id);
  await dataSource.query(
    `INSERT INTO contacts (tenant_id, contact_id, full_name, responsible_employee_id, branch_id, at)
     SELECT $1, gen_random_uuid(), 'Client ' || i, ($2::uuid[])[1 + i % $3], ($4::uuid[])[1 + i % $5], now() FROM generate_series(1, $6) AS i`,
    [tenantId, employeeIds, employeeIds.length, branches, BRANCHES, CONTACTS],
  );
  const contacts = (await dataSource.query(`SELECT contact_id FROM contacts WHERE tenant_id = $1 ORDER BY contact_id`, [tenantId])).map((row) => row.contact_id);
  const withOpen = contacts.slice(0, OPEN_INQUIRIES);
  await dataSource.query(
    `INSERT INTO conversations (id, tenant_id, kind, branch_id, created_at)
     SELECT c, $1, 'inquiry', NULL, now() FROM unnest($2::uuid[]) AS c`,
    [tenantId, withOpen],
  );
  await dataSource.query(
    `INSERT INTO inquiries (id, tenant_id, contact_id, status, assignee_id, assigned_at, created_at)
     SELECT c, $1, c, 'assigned', ($3::uuid[])[1 + (row_number() OVER ()) % $4], now(), now() FROM unnest($2::uuid[]) AS c`,
    [tenantId, withOpen, employeeIds, employeeIds.length],
  );
  await dataSource.query('ANALYZE');
  const fresh = contacts.slice(OPEN_INQUIRIES); // clients without an open inquiry: a full routing decision each

  const loadClient = async (manager, contactId) => {
    const [contact] = await manager.query(
      `SELECT contact_id, responsible_employee_id, branch_id FROM contacts WHERE tenant_id = $1 AND contact_id = $2`,
      [tenantId, contactId],
    );
    const open = await manager.query(`SELECT assignee_id FROM inquiries WHERE tenant_id = $1 AND contact_id = $2 AND status <> 'closed'`, [tenantId, contactId]);
    return { contactId, branchId: contact.branch_id, responsibleEmployeeId: contact.responsible_employee_id, stickyAssigneeId: open[0]?.assignee_id ?? null };
  };
  const candidates = toCandidates(await dataSource.query(CANDIDATES_SQL, [tenantId]));
  const sample = decideRouting(candidates, await loadClient(dataSource.manager, fresh[0]), settings, new Date());
  log(`candidates: ${candidates.length} (online: ${candidates.filter((c) => c.online).length}); sample outcome ${sample.outcome}, ` +
    `qualified ${sample.candidates.filter((c) => c.qualified).length}, verdicts ${sample.candidates.length}`);

  const plan = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${CANDIDATES_SQL}`, [tenantId]);
  log(`candidate query plan:\n${plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n')}`);

  const measure = async (name, fn) => {
    const samples = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const started = process.hrtime.bigint();
      await fn(i);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (i >= WARMUP) samples.push(elapsed);
    }
    samples.sort((a, b) => a - b);
    const at = (p) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)];
    return { name, p50: at(50), p95: at(95), p99: at(99), max: samples[samples.length - 1] };
  };

  const clientFor = (i) => ({ contactId: fresh[i % fresh.length], branchId: branches[i % BRANCHES], responsibleEmployeeId: employeeIds[i % EMPLOYEES], stickyAssigneeId: null });
  const results = [];
  results.push(await measure('R1 pure decideRouting (1,000 candidates)', (i) => decideRouting(candidates, clientFor(i), settings, new Date())));
  results.push(await measure('R2a candidates SQL + decode only', async () => toCandidates(await dataSource.query(CANDIDATES_SQL, [tenantId]))));
  results.push(
    await measure('R2 load client + sticky + candidates (SQL) + decide', async (i) => {
      const client = await loadClient(dataSource.manager, fresh[i % fresh.length]);
      const loaded = toCandidates(await dataSource.query(CANDIDATES_SQL, [tenantId]));
      decideRouting(loaded, client, settings, new Date());
    }),
  );
  results.push(
    await measure('R3 R2 + store decision and assignment (1 tx)', async (i) => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        const manager = runner.manager;
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('inquiries.routing:' || $1, 0))`, [tenantId]);
        const client = await loadClient(manager, fresh[i % fresh.length]);
        const loaded = toCandidates(await manager.query(CANDIDATES_SQL, [tenantId]));
        const result = decideRouting(loaded, client, settings, new Date());
        const id = randomUUID();
        await manager.query(`INSERT INTO conversations (id, tenant_id, kind, created_at) VALUES ($1, $2, 'inquiry', now())`, [id, tenantId]);
        await manager.query(`INSERT INTO inquiries (id, tenant_id, contact_id, status, waiting_since) VALUES ($1, $2, $3, 'waiting', now())`, [id, tenantId, client.contactId]);
        await manager.query(
          `INSERT INTO routing_decisions (id, tenant_id, inquiry_id, trigger, outcome, assignee_id, reason, candidates) VALUES ($1, $2, $1, 'created', $3, $4, $5, $6)`,
          [id, tenantId, result.outcome, result.assigneeId, result.reason, JSON.stringify(result.candidates)],
        );
        if (result.assigneeId) {
          await manager.query(`UPDATE inquiries SET status = 'assigned', assignee_id = $2, assigned_at = now(), waiting_since = NULL WHERE id = $1`, [id, result.assigneeId]);
          await manager.query(`UPDATE employees SET open_inquiries = open_inquiries + 1, last_assigned_at = now() WHERE tenant_id = $1 AND person_id = $2`, [tenantId, result.assigneeId]);
        }
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }),
  );

  const open = await dataSource.query(`SELECT count(*)::int AS n FROM inquiries WHERE tenant_id = $1 AND status = 'assigned'`, [tenantId]);
  const lines = [
    `Routing decision latency — ${EMPLOYEES} online employees, ${BRANCHES} branches, ${open[0].n} open inquiries, ${ITERATIONS} decisions each (after ${WARMUP} warm-up)`,
    '',
    '| measurement | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.p50.toFixed(3)} | ${r.p95.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.max.toFixed(3)} |`),
    '',
    `Target: R2 p99 <= ${TARGET_P99_MS} ms -> ${results[2].p99 <= TARGET_P99_MS ? 'PASS' : 'MISS'} (${results[2].p99.toFixed(3)} ms)`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
} finally {
  await dataSource.destroy();
  const { Client } = require('pg');
  const admin = new Client({ connectionString: discovered.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  await discovered.stop();
}
