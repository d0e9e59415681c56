import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@warden/service-kit';
import { InquiryRepository } from '../inquiries/inquiry.repository';
import { ReadModelRepository } from '../read-models/read-model.repository';
import { lockTenantRouting } from '../shared/tenant-lock';
import { InquiryRouter } from './inquiry.router';
import { RoutingRepository } from './routing.repository';

/** Minutes are the settings' unit: ticking twice a minute acts within half a minute of a deadline or a shift start. */
const TICK_INTERVAL_MS = 30_000;
/** Inquiries released per tick; the rest go with the next one. */
const RELEASE_BATCH = 500;

/**
 * What the passing of time alone changes in routing, checked on a timer in every replica (each change is
 * re-checked under the tenant's routing lock, so concurrent replicas act once):
 * - sticky release: where a tenant sets `stickyReleaseMinutes`, an inquiry whose assignee has been offline that
 *   long is routed again (trigger `released`) to someone who qualifies now, else back to the queue, instead of
 *   waiting for the client's next message;
 * - work schedules: where a tenant routes by schedules and inquiries wait, someone's hours may have begun, so the
 *   queue is drained as when someone comes online.
 */
@Injectable()
export class RoutingClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timer = new PeriodicTask('Routing clock tick', () => this.tick());

  constructor(
    private readonly dataSource: DataSource,
    private readonly routing: InquiryRouter,
    private readonly settings: RoutingRepository,
    private readonly inquiries: InquiryRepository,
    private readonly readModels: ReadModelRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer.start(TICK_INTERVAL_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  async tick(now = new Date()): Promise<void> {
    await this.releaseSticky(now);
    await this.drainScheduled(now);
  }

  /** Releases what is due at `now`; returns how many inquiries were routed again. */
  async releaseSticky(now = new Date()): Promise<number> {
    const due: Array<{ tenant_id: string; ids: string[] }> = await this.dataSource.query(
      `SELECT i.tenant_id, array_agg(i.id ORDER BY i.id) AS ids
       FROM (SELECT i.tenant_id, i.id FROM inquiries i
             JOIN chat_settings s ON s.tenant_id = i.tenant_id AND s.sticky_release_minutes IS NOT NULL
             JOIN employees e ON e.tenant_id = i.tenant_id AND e.person_id = i.assignee_id
             WHERE i.status = 'assigned' AND NOT e.online
               AND e.presence_at <= $1::timestamptz - make_interval(mins => s.sticky_release_minutes)
             ORDER BY i.id LIMIT ${RELEASE_BATCH}) AS i
       GROUP BY i.tenant_id`,
      [now],
    );
    let released = 0;
    for (const { tenant_id: tenantId, ids } of due) released += await this.releaseTenant(tenantId, ids, now);
    return released;
  }

  /** Drains the queues of tenants that route by work schedules and have inquiries waiting; returns how many were assigned. */
  async drainScheduled(now = new Date()): Promise<number> {
    const tenants: Array<{ tenant_id: string }> = await this.dataSource.query(
      `SELECT s.tenant_id FROM chat_settings s
       WHERE s.use_work_schedules AND s.inquiries
         AND EXISTS (SELECT 1 FROM inquiries i WHERE i.tenant_id = s.tenant_id AND i.status = 'waiting')`,
    );
    let assigned = 0;
    for (const { tenant_id: tenantId } of tenants) {
      assigned += await this.dataSource.transaction((tx) => this.routing.drain(tx, tenantId, now));
    }
    return assigned;
  }

  private releaseTenant(tenantId: string, inquiryIds: string[], now: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await lockTenantRouting(tx, tenantId);
      const settings = await this.settings.settings(tx, tenantId);
      let released = 0;
      for (const inquiryId of inquiryIds) {
        // Re-read under the lock: it may have been reassigned, closed or its assignee back online meanwhile.
        const inquiry = await this.inquiries.get(tx, tenantId, inquiryId, true);
        if (!inquiry || inquiry.status !== 'assigned' || !inquiry.assigneeId) continue;
        const contact = await this.readModels.contact(tx, tenantId, inquiry.contactId);
        if (!contact) continue;
        const result = await this.routing.route(tx, tenantId, contact, inquiry.assigneeId, settings, now);
        if (result.outcome === 'sticky') continue;
        await this.routing.apply(tx, tenantId, inquiry, contact, 'released', result, now);
        released += 1;
      }
      return released;
    });
  }
}
