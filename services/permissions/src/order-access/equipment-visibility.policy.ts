import type { DecisionStep } from '@warden/contracts';
import type { ScopeFacts, ScopeFailure } from './order-visibility.policy';

/** A catalog right as the check decided it, with its code and reason (for the refusal). */
export interface RightOutcome {
  allowed: boolean;
  code: string;
  reason: string;
}

/**
 * Whether the person reads a company's equipment: an employee with `directory.read` any company's
 * (the directory's own right, as before clients could read it); a contact only its own company's,
 * so it can pick a device on its ticket. Appends the deciding step; null when allowed.
 */
export function checkEquipment(
  companyId: string,
  facts: ScopeFacts,
  directoryRead: RightOutcome,
  steps: DecisionStep[],
): ScopeFailure | null {
  if (facts.kind !== 'contact') {
    if (directoryRead.allowed) {
      steps.push({ rule: 'equipment.directory', effect: 'allow', detail: "Employees with 'directory.read' see every company's equipment" });
      return null;
    }
    steps.push({ rule: 'equipment.directory', effect: 'deny', detail: `An employee needs 'directory.read': ${directoryRead.reason}` });
    return { code: directoryRead.code, reason: directoryRead.reason };
  }
  if (facts.companyId !== null && facts.companyId === companyId) {
    steps.push({ rule: 'equipment.client', effect: 'allow', detail: `The equipment belongs to the contact's company ${companyId}` });
    return null;
  }
  steps.push({
    rule: 'equipment.client',
    effect: 'deny',
    detail:
      facts.companyId === null
        ? 'A contact without a company sees no equipment'
        : "A contact sees only its own company's equipment; this is another company's",
  });
  return { code: 'EQUIPMENT.NOT_OWN', reason: "Clients see only their own company's equipment" };
}
