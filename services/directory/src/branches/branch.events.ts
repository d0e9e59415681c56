import { BranchCreatedV1, BranchDeletedV1, BranchUpdatedV1 } from '@warden/contracts';
import type { BranchSnapshotV1, BranchView, NewEvent } from '@warden/contracts';

function snapshot(branch: BranchView): BranchSnapshotV1 {
  return { branchId: branch.id, name: branch.name, address: branch.address, timeZone: branch.timeZone, at: branch.updatedAt };
}

export function branchCreated(tenantId: string, branch: BranchView): NewEvent<BranchSnapshotV1> {
  return { type: BranchCreatedV1.type, tenantId, subject: branch.id, data: snapshot(branch) };
}

export function branchUpdated(tenantId: string, branch: BranchView): NewEvent<BranchSnapshotV1> {
  return { type: BranchUpdatedV1.type, tenantId, subject: branch.id, data: snapshot(branch) };
}

export function branchDeleted(tenantId: string, branchId: string): NewEvent<BranchDeletedV1> {
  return { type: BranchDeletedV1.type, tenantId, subject: branchId, data: { branchId, at: new Date().toISOString() } };
}
