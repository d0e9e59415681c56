import { Module } from '@nestjs/common';
import { newId } from '@warden/kernel';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { IntegrationsEnv, INTEGRATIONS_ENV } from '../config/integrations.env';
import { INTEGRATIONS_SERVICE } from '../integrations.service-definition';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditRetentionTask } from './audit-retention.task';

const RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

@Module({
  providers: [
    AuditEntriesRepository,
    AuditRetentionTask,
    { provide: INTEGRATIONS_ENV, useValue: Object.assign(new IntegrationsEnv(), { AUDIT_RETENTION_DAYS: RETENTION_DAYS }) },
  ],
})
class AuditRetentionModule {}

/** AUDIT_RETENTION_DAYS: entries older than the retention go, in batches, and nothing younger does. */
describe('audit retention (medium: task + repository + PostgreSQL)', () => {
  let medium: Medium;
  const tenantId = newId();

  beforeAll(async () => {
    medium = await startMedium(INTEGRATIONS_SERVICE, { imports: [AuditRetentionModule] });
  });

  afterAll(() => medium?.close());

  /** `count` entries of the tenant, each `ageDays` old at `now`. */
  async function entriesAged(now: Date, ageDays: number, count: number, action: string): Promise<void> {
    await medium.rows(
      `INSERT INTO audit_entries (id, tenant_id, at, source, actor_id, actor_kind, action, resource_type, resource_id, before, after)
       SELECT gen_random_uuid(), $1, $2, 'permissions', NULL, 'system', $3, 'group', 'g', '{}', '{}' FROM generate_series(1, $4)`,
      [tenantId, new Date(now.getTime() - ageDays * DAY_MS), action, count],
    );
  }

  const remaining = async () =>
    (
      await medium.rows<{ action: string; count: number }>(
        'SELECT action, count(*)::int AS count FROM audit_entries GROUP BY action ORDER BY action',
      )
    ).map(({ action, count }) => `${action}:${count}`);

  it('deletes what is past the retention, more than one batch of it, and keeps the rest', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    await entriesAged(now, RETENTION_DAYS + 400, 5_001, 'ancient'); // more than one delete batch (5,000)
    await entriesAged(now, RETENTION_DAYS + 1, 3, 'expired');
    await entriesAged(now, RETENTION_DAYS - 1, 2, 'kept');
    await entriesAged(now, 0, 1, 'fresh');

    expect(await medium.get(AuditRetentionTask).prune(now)).toBe(5_004);
    expect(await remaining()).toEqual(['fresh:1', 'kept:2']);
    // Pruning again removes nothing more.
    expect(await medium.get(AuditRetentionTask).prune(now)).toBe(0);
  });
});
