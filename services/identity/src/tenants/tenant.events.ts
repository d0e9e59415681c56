import type { OutgoingEvent } from '@warden/contracts';
import { TenantCreatedV1 } from '@warden/contracts';
import type { TenantRow } from './tenant.repository';

export function tenantCreated(tenant: TenantRow, administratorId: string): OutgoingEvent<TenantCreatedV1> {
  return {
    contract: TenantCreatedV1,
    tenantId: tenant.id,
    subject: tenant.id,
    data: { tenantId: tenant.id, slug: tenant.slug, name: tenant.name, administratorId },
  };
}
