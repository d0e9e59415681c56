import type { OrderSight } from '@warden/contracts';

/** Adds a parameter and returns its placeholder (`$n`). */
export type NextParam = (value: unknown) => string;

/**
 * The visibility part of every order list (docs/rules.md#orders), as SQL over `orders o`: the
 * statuses seen, then the scope. A contact sees only orders whose client it is (a client manager
 * also its company's); an employee without every department sees orders without a department, in
 * its departments, or of the companies it manages. Each branch matches one of the (tenant, column,
 * id) indexes. The lists (order.repository.ts) and the permission preview (order-sight.repository.ts)
 * filter with this one function.
 */
export function sightCondition(sight: OrderSight, next: NextParam): string {
  let sql = `o.status_id = ANY(${next(sight.statusIds)}::uuid[])`;
  const { scope } = sight;
  if (scope.contactId) {
    const own = `o.client_contact_id = ${next(scope.contactId)}`;
    sql +=
      scope.managedCompanyIds.length > 0
        ? ` AND (${own} OR o.client_company_id = ANY(${next(scope.managedCompanyIds)}::uuid[]))`
        : ` AND ${own}`;
  }
  if (scope.departmentIds !== 'all') {
    const branches = ['o.department_id IS NULL'];
    if (scope.departmentIds.length > 0) branches.push(`o.department_id = ANY(${next(scope.departmentIds)}::uuid[])`);
    if (scope.managedCompanyIds.length > 0) branches.push(`o.client_company_id = ANY(${next(scope.managedCompanyIds)}::uuid[])`);
    sql += ` AND (${branches.join(' OR ')})`;
  }
  return sql;
}
