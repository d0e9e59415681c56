import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChannelKind, ChannelView } from '@warden/contracts';
import { firstReturned } from '../shared/sql';

interface ChannelRow {
  id: string;
  kind: ChannelKind;
  address: string;
  name: string;
  department_id: string;
  created_at: Date;
  updated_at: Date;
}

export interface ChannelRecord {
  id: string;
  kind: ChannelKind;
  address: string;
  name: string;
  departmentId: string;
}

function toView(row: ChannelRow): ChannelView {
  return {
    id: row.id,
    kind: row.kind,
    address: row.address,
    name: row.name,
    departmentId: row.department_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class ChannelRepository {
  async list(manager: EntityManager, tenantId: string, departmentId?: string): Promise<ChannelView[]> {
    const rows: ChannelRow[] = departmentId
      ? await manager.query('SELECT * FROM channels WHERE tenant_id = $1 AND department_id = $2 ORDER BY lower(name), id', [
          tenantId,
          departmentId,
        ])
      : await manager.query('SELECT * FROM channels WHERE tenant_id = $1 ORDER BY lower(name), id', [tenantId]);
    return rows.map(toView);
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<ChannelView | null> {
    const rows: ChannelRow[] = await manager.query(`SELECT * FROM channels WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [
      tenantId,
      id,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async insert(manager: EntityManager, tenantId: string, channel: ChannelRecord): Promise<ChannelView> {
    const rows: ChannelRow[] = await manager.query(
      'INSERT INTO channels (id, tenant_id, kind, address, name, department_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [channel.id, tenantId, channel.kind, channel.address, channel.name, channel.departmentId],
    );
    return toView(rows[0]!);
  }

  async update(manager: EntityManager, tenantId: string, channel: ChannelRecord): Promise<ChannelView> {
    const result: unknown = await manager.query(
      'UPDATE channels SET kind = $3, address = $4, name = $5, department_id = $6, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *',
      [tenantId, channel.id, channel.kind, channel.address, channel.name, channel.departmentId],
    );
    return toView(firstReturned<ChannelRow>(result)!);
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query('DELETE FROM channels WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  }
}
