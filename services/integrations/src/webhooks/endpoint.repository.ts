import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WebhookEndpointView } from '@warden/contracts';
import { queryRows } from '@warden/persistence';

export interface EndpointRow {
  id: string;
  tenant_id: string;
  url: string;
  event_types: string[];
  description: string | null;
  active: boolean;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  failing_since: Date | null;
  created_at: Date;
}

export interface EndpointRecord {
  url: string;
  eventTypes: string[];
  description: string | null;
  active: boolean;
}

export function toEndpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    active: row.active,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
  };
}

/** Endpoints; every query but the delivery path's is scoped by tenant. */
@Injectable()
export class EndpointRepository {
  async list(manager: EntityManager, tenantId: string): Promise<EndpointRow[]> {
    return queryRows(manager, 'SELECT * FROM endpoints WHERE tenant_id = $1 ORDER BY created_at, id', [tenantId]);
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<EndpointRow | null> {
    const rows: EndpointRow[] = await queryRows(
      manager,
      `SELECT * FROM endpoints WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  /** The tenant's endpoints, any state: an inactive one still collects deliveries for when it is turned back on. */
  async ofTenant(manager: EntityManager, tenantId: string): Promise<Array<Pick<EndpointRow, 'id' | 'event_types'>>> {
    return queryRows(manager, 'SELECT id, event_types FROM endpoints WHERE tenant_id = $1', [tenantId]);
  }

  async insert(
    manager: EntityManager,
    tenantId: string,
    id: string,
    record: EndpointRecord,
    encryptedSecret: string,
  ): Promise<EndpointRow> {
    const rows: EndpointRow[] = await queryRows(
      manager,
      `INSERT INTO endpoints (id, tenant_id, url, event_types, description, active, secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [id, tenantId, record.url, record.eventTypes, record.description, record.active, encryptedSecret],
    );
    return rows[0]!;
  }

  /** Turning an endpoint on again clears why it was off and starts its failure window afresh. */
  async update(manager: EntityManager, tenantId: string, id: string, record: EndpointRecord): Promise<EndpointRow> {
    const rows: EndpointRow[] = await queryRows(
      manager,
      `UPDATE endpoints SET url = $3, event_types = $4, description = $5, active = $6, updated_at = now(),
         disabled_reason = CASE WHEN $6 THEN NULL ELSE disabled_reason END,
         failing_since = CASE WHEN $6 AND NOT active THEN NULL ELSE failing_since END
       WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [tenantId, id, record.url, record.eventTypes, record.description, record.active],
    );
    return rows[0]!;
  }

  async rotateSecret(
    manager: EntityManager,
    tenantId: string,
    id: string,
    encryptedSecret: string,
    previousUntil: Date,
  ): Promise<EndpointRow> {
    const rows: EndpointRow[] = await queryRows(
      manager,
      `UPDATE endpoints SET previous_secret = secret, previous_secret_until = $4, secret = $3, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [tenantId, id, encryptedSecret, previousUntil],
    );
    return rows[0]!;
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await queryRows(manager, 'DELETE FROM endpoints WHERE tenant_id = $1 AND id = $2 RETURNING id', [tenantId, id]);
    return rows.length > 0;
  }

  /** Starts the failure window on the first failure; returns when it started. */
  async recordFailure(manager: EntityManager, id: string): Promise<Date> {
    const rows: Array<{ failing_since: Date }> = await queryRows(
      manager,
      'UPDATE endpoints SET failing_since = COALESCE(failing_since, now()) WHERE id = $1 RETURNING failing_since',
      [id],
    );
    return rows[0]!.failing_since;
  }

  /** Returns whether this call turned it off (only one replica publishes the event). */
  async disable(manager: EntityManager, id: string, reason: string): Promise<boolean> {
    const rows: unknown[] = await queryRows(
      manager,
      'UPDATE endpoints SET active = false, disabled_reason = $2, updated_at = now() WHERE id = $1 AND active RETURNING id',
      [id, reason],
    );
    return rows.length > 0;
  }
}
