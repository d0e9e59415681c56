import { CompanyClientManagersChangedV1, CompanyCreatedV1, CompanyUpdatedV1 } from '@warden/contracts';
import type { CompanySnapshotV1, CompanyView, OutgoingEvent } from '@warden/contracts';

function snapshot(company: CompanyView): CompanySnapshotV1 {
  return {
    companyId: company.id,
    name: company.name,
    taxId: company.taxId,
    clientManagerIds: company.clientManagerIds,
    at: company.updatedAt,
  };
}

export function companyCreated(tenantId: string, company: CompanyView): OutgoingEvent<CompanySnapshotV1> {
  return { contract: CompanyCreatedV1, tenantId, subject: company.id, data: snapshot(company) };
}

export function companyUpdated(tenantId: string, company: CompanyView): OutgoingEvent<CompanySnapshotV1> {
  return { contract: CompanyUpdatedV1, tenantId, subject: company.id, data: snapshot(company) };
}

export function clientManagersChanged(
  tenantId: string,
  before: string[],
  after: CompanyView,
): OutgoingEvent<CompanyClientManagersChangedV1> | null {
  const added = after.clientManagerIds.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.clientManagerIds.includes(id));
  if (added.length === 0 && removed.length === 0) return null;
  return {
    contract: CompanyClientManagersChangedV1,
    tenantId,
    subject: after.id,
    data: {
      companyId: after.id,
      addedPersonIds: added,
      removedPersonIds: removed,
      clientManagerIds: after.clientManagerIds,
      at: after.updatedAt,
    },
  };
}
