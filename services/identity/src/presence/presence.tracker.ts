import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { OutgoingEvent } from '@warden/contracts';
import { queryRows } from '../people/sql';
import { presenceChanged } from './presence.events';

type Presence = 'online' | 'offline';

/** Changes a person's presence inside the caller's transaction and records the event only on a real change. */
@Injectable()
export class PresenceTracker {
  constructor(private readonly events: EventBus<OutgoingEvent>) {}

  /** Marks the person seen now and online. Returns whether the presence changed. */
  async seen(manager: EntityManager, tenantId: string, personId: string): Promise<boolean> {
    const rows = await queryRows<{ before: Presence }>(
      manager,
      `UPDATE persons p SET presence = 'online', last_seen_at = now()
       FROM (SELECT id, presence AS before FROM persons WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL FOR UPDATE) old
       WHERE p.id = old.id RETURNING old.before`,
      [tenantId, personId],
    );
    const changed = rows[0]?.before === 'offline';
    if (changed) await this.record(manager, [{ tenantId, personId, presence: 'online' }]);
    return changed;
  }

  async offline(manager: EntityManager, tenantId: string, personId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE persons SET presence = 'offline' WHERE tenant_id = $1 AND id = $2 AND presence = 'online' RETURNING id`,
      [tenantId, personId],
    );
    if (rows.length > 0) await this.record(manager, [{ tenantId, personId, presence: 'offline' }]);
    return rows.length > 0;
  }

  /** Everyone online but silent for longer than the timeout goes offline, in one statement. */
  async sweep(manager: EntityManager, timeoutSeconds: number): Promise<number> {
    const rows = await queryRows<{ id: string; tenant_id: string }>(
      manager,
      `UPDATE persons SET presence = 'offline'
       WHERE presence = 'online' AND (last_seen_at IS NULL OR last_seen_at < now() - make_interval(secs => $1))
       RETURNING id, tenant_id`,
      [timeoutSeconds],
    );
    await this.record(
      manager,
      rows.map((row) => ({ tenantId: row.tenant_id, personId: row.id, presence: 'offline' as const })),
    );
    return rows.length;
  }

  private async record(manager: EntityManager, changes: Array<{ tenantId: string; personId: string; presence: Presence }>): Promise<void> {
    const at = new Date().toISOString();
    await this.events.publishAll(
      changes.map((change) => presenceChanged(change.tenantId, change.personId, change.presence, at)),
      manager,
    );
  }
}
