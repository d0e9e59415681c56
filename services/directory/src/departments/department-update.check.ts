import type { DepartmentChanges, DepartmentView, RequestContext } from '@warden/contracts';
import type { EmployeeCheck } from '../employees/employee.check';
import { unique } from '../shared/text';

/** A department change as it will be written: `memberIds`, when given, deduplicated; undefined leaves as is. */
export interface CheckedDepartmentChanges {
  name?: string;
  headId?: string | null;
  memberIds?: string[];
}

/**
 * The checks of `PATCH /departments/{id}` on its body, before anything is read or written: head and members must be
 * employees of the tenant (422 naming the field). Shared by the change (update-department.handler.ts) and its
 * preview (preview-department-update.handler.ts), so both refuse alike.
 */
export async function checkDepartmentChanges(
  employees: EmployeeCheck,
  ctx: RequestContext,
  changes: DepartmentChanges,
): Promise<CheckedDepartmentChanges> {
  const headId = changes.headId;
  const memberIds = changes.memberIds === undefined ? undefined : unique(changes.memberIds);
  if (headId) await employees.requireEmployees(ctx, [headId], 'headId');
  if (memberIds) await employees.requireEmployees(ctx, memberIds, 'memberIds');
  return { name: changes.name, headId, memberIds };
}

/** The department as the checked change leaves it (name, head, members), as update-department.handler.ts writes it. */
export function departmentAfter(before: DepartmentView, changes: CheckedDepartmentChanges): DepartmentView {
  return {
    ...before,
    name: changes.name ?? before.name,
    headId: changes.headId === undefined ? before.headId : changes.headId,
    memberIds: changes.memberIds ?? before.memberIds,
  };
}
