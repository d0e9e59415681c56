import type { DecisionStep, OrderScope, OrderSight, PersonKind } from '@warden/contracts';

/** Pure department and client rules of orders (docs/rules.md#orders); no framework, no database. */

/** What the rule knows about the asking person besides its status levels. */
export interface ScopeFacts {
  kind: PersonKind | null;
  departmentIds: readonly string[];
  managedCompanyIds: readonly string[];
  /** A contact's own company (its contact card), or null. */
  companyId: string | null;
  /** The `departments.all` right, as the catalog rules decided it (with the reason for explain). */
  allDepartments: { allowed: boolean; reason: string };
}

/**
 * Who sees a department's items: its members and its head (a head sees what its members see, no more). The read
 * model of order visibility (directory-events.consumer.ts), the task rule (task-visibility.ts) and the permission
 * preview all take it from here.
 */
export function departmentViewers(department: { memberIds: readonly string[]; headId: string | null }): string[] {
  const { memberIds, headId } = department;
  return headId && !memberIds.includes(headId) ? [...memberIds, headId] : [...memberIds];
}

/** Where an order sits: its department and its client. */
export interface OrderPlacement {
  departmentId: string | null;
  clientContactId: string | null;
  clientCompanyId: string | null;
}

export interface ScopeFailure {
  code: string;
  reason: string;
}

/** A contact manages only its own company, whatever the read model still says of an earlier one. */
function contactManagedCompanies(facts: ScopeFacts): string[] {
  return facts.companyId !== null && facts.managedCompanyIds.includes(facts.companyId) ? [facts.companyId] : [];
}

/**
 * Whether the person sees an order placed so (on top of its status level):
 * - a contact: orders whose client contact it is; a client manager of its company, every order of it;
 * - an employee: orders without a department, in one of its departments, of a company it is a
 *   client manager of, or any order with `departments.all`.
 * Appends the deciding step; null when visible.
 */
export function checkPlacement(personId: string, order: OrderPlacement, facts: ScopeFacts, steps: DecisionStep[]): ScopeFailure | null {
  if (facts.kind === 'contact') {
    if (order.clientContactId === personId) {
      steps.push({ rule: 'order.client-contact', effect: 'allow', detail: "The person is the order's client contact" });
      return null;
    }
    if (order.clientCompanyId !== null && contactManagedCompanies(facts).includes(order.clientCompanyId)) {
      steps.push({
        rule: 'order.client-manager',
        effect: 'allow',
        detail: `The contact is a client manager of its company ${order.clientCompanyId}, the order's company`,
      });
      return null;
    }
    steps.push({
      rule: 'order.client-contact',
      effect: 'deny',
      detail: order.clientContactId
        ? "A contact sees only its own orders (and a client manager its company's); this order's client is another contact"
        : 'A contact sees only its own orders; this order has no client',
    });
    return { code: 'ORDER.NOT_OWN', reason: 'Contacts see only their own orders' };
  }
  if (order.departmentId === null) {
    steps.push({ rule: 'order.department', effect: 'allow', detail: 'The order has no department: everyone who sees its status sees it' });
    return null;
  }
  if (facts.allDepartments.allowed) {
    steps.push({ rule: 'order.department', effect: 'allow', detail: `Sees every department: ${facts.allDepartments.reason}` });
    return null;
  }
  if (facts.departmentIds.includes(order.departmentId)) {
    steps.push({
      rule: 'order.department',
      effect: 'allow',
      detail: `The person is a member of the order's department ${order.departmentId}`,
    });
    return null;
  }
  steps.push({
    rule: 'order.department',
    effect: 'none',
    detail: `Not a member of the order's department ${order.departmentId} (member of ${facts.departmentIds.length} department(s)) and no 'departments.all' right`,
  });
  if (order.clientCompanyId !== null && facts.managedCompanyIds.includes(order.clientCompanyId)) {
    steps.push({
      rule: 'order.client-manager',
      effect: 'allow',
      detail: `The person is a client manager of the order's company ${order.clientCompanyId}`,
    });
    return null;
  }
  steps.push({
    rule: 'order.client-manager',
    effect: 'deny',
    detail: order.clientCompanyId ? "Not a client manager of the order's company" : 'The order has no client company to manage',
  });
  return { code: 'ORDER.OTHER_DEPARTMENT', reason: 'The order belongs to a department this person does not see' };
}

/**
 * Transferring into a department: one the person sees (a member, or `departments.all`), or any
 * with `orders.transfer-anywhere`.
 */
export function checkTransferTarget(
  targetDepartmentId: string,
  facts: ScopeFacts,
  transferAnywhere: { allowed: boolean; reason: string },
  steps: DecisionStep[],
): ScopeFailure | null {
  if (facts.kind === 'contact') {
    steps.push({ rule: 'order.transfer-target', effect: 'deny', detail: 'Contacts do not move orders between departments' });
    return { code: 'ORDER.TRANSFER_NOT_ALLOWED', reason: 'Contacts do not move orders between departments' };
  }
  if (facts.allDepartments.allowed || facts.departmentIds.includes(targetDepartmentId)) {
    const why = facts.departmentIds.includes(targetDepartmentId) ? 'the person is a member of it' : facts.allDepartments.reason;
    steps.push({ rule: 'order.transfer-target', effect: 'allow', detail: `The target department is visible to the person: ${why}` });
    return null;
  }
  if (transferAnywhere.allowed) {
    steps.push({ rule: 'order.transfer-target', effect: 'allow', detail: `Not the person's department, but: ${transferAnywhere.reason}` });
    return null;
  }
  steps.push({
    rule: 'order.transfer-target',
    effect: 'deny',
    detail: "The target department is not one the person sees, and it lacks 'orders.transfer-anywhere'",
  });
  return {
    code: 'ORDER.TRANSFER_TARGET_NOT_VISIBLE',
    reason: "The target department is not one of your departments; transferring there needs the right 'orders.transfer-anywhere'",
  };
}

/**
 * The whole order rule as a list filter: the statuses the person sees (none for a person unknown
 * or deleted) and the department / client scope. Lists and the permission preview both take it.
 */
export function orderSightOf(
  personId: string,
  visibleStatusIds: readonly string[],
  person: { known: boolean; deleted: boolean },
  facts: ScopeFacts,
): OrderSight {
  return { statusIds: person.known && !person.deleted ? [...visibleStatusIds] : [], scope: scopeOf(personId, facts) };
}

/** The same rule as a list filter (applied in SQL by the workflow service). */
export function scopeOf(personId: string, facts: ScopeFacts): OrderScope {
  if (facts.kind === 'contact') return { departmentIds: 'all', contactId: personId, managedCompanyIds: contactManagedCompanies(facts) };
  return {
    departmentIds: facts.allDepartments.allowed ? 'all' : [...facts.departmentIds],
    contactId: null,
    managedCompanyIds: [...facts.managedCompanyIds],
  };
}
