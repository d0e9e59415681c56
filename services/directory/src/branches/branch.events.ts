import { BranchCreatedV1, BranchDeletedV1, BranchUpdatedV1 } from '@warden/contracts';
import type { BranchSnapshotV1, BranchView, OutgoingEvent } from '@warden/contracts';

function snapshot(branch: BranchView): BranchSnapshotV1 {
  return { branchId: branch.id, name: branch.name, address: branch.address, timeZone: branch.timeZone, at: branch.updatedAt };
}

export function branchCreated(tenantId: string, branch: BranchView): OutgoingEvent<BranchSnapshotV1> {
  return { contract: BranchCreatedV1, tenantId, subject: branch.id, data: snapshot(branch) };
}

export function branchUpdated(tenantId: string, branch: BranchView): OutgoingEvent<BranchSnapshotV1> {
  return { contract: BranchUpdatedV1, tenantId, subject: branch.id, data: snapshot(branch) };
}

export function branchDeleted(tenantId: string, branchId: string): OutgoingEvent<BranchDeletedV1> {
  return { contract: BranchDeletedV1, tenantId, subject: branchId, data: { branchId, at: new Date().toISOString() } };
}
