import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Read model of the directory's companies: enough to accept a project's counterparty. */
@Injectable()
export class CompaniesRepository {
  async upsert(manager: EntityManager, tenantId: string, companyId: string, name: string, sourceTime: Date): Promise<void> {
    await manager.query(
      `INSERT INTO companies (tenant_id, company_id, name, source_time) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, company_id) DO UPDATE SET name = EXCLUDED.name, source_time = EXCLUDED.source_time
       WHERE companies.source_time <= EXCLUDED.source_time`,
      [tenantId, companyId, name, sourceTime],
    );
  }

  async exists(manager: EntityManager, tenantId: string, companyId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM companies WHERE tenant_id = $1 AND company_id = $2', [tenantId, companyId]);
    return rows.length > 0;
  }
}
