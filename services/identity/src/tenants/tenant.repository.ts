import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '@warden/persistence';
import type { TenantView } from '@warden/contracts';
import { queryRows } from '../people/sql';
import { TenantErrors } from './tenant.errors';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  created_at: Date;
}

export function toTenantView(row: TenantRow): TenantView {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at.toISOString() };
}

@Injectable()
export class TenantRepository {
  async insert(manager: EntityManager, tenant: { id: string; slug: string; name: string }): Promise<TenantRow> {
    try {
      const rows = await queryRows<TenantRow>(
        manager,
        'INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING *',
        [tenant.id, tenant.slug, tenant.name],
      );
      if (!rows[0]) throw TenantErrors.slugTaken(tenant.slug);
      return rows[0];
    } catch (error) {
      if (isUniqueViolation(error, 'tenants_slug_key')) throw TenantErrors.slugTaken(tenant.slug);
      throw error;
    }
  }

  /** `slug` as stored: lower-case (libs/contracts/src/rpc/identity.rpc.ts normalises what callers send). */
  async findBySlug(manager: EntityManager, slug: string): Promise<TenantRow | null> {
    const rows = await queryRows<TenantRow>(manager, 'SELECT * FROM tenants WHERE slug = $1', [slug]);
    return rows[0] ?? null;
  }

  async findById(manager: EntityManager, id: string): Promise<TenantRow | null> {
    const rows = await queryRows<TenantRow>(manager, 'SELECT * FROM tenants WHERE id = $1', [id]);
    return rows[0] ?? null;
  }
}
