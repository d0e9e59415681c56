import { isContactTextField } from '@warden/contracts';
import type { AutomationConditionResult, AutomationContactCondition, AutomationContactField, ContactView } from '@warden/contracts';

/** What the contact tests read of the order's client contact. */
export type AutomationContactFacts = Pick<
  ContactView,
  'email' | 'emailIsPlaceholder' | 'phone' | 'firstName' | 'lastName' | 'middleName' | 'status' | 'branchId' | 'responsibleEmployeeId'
>;

/** The field's value, or null when the contact has none: a placeholder email and an empty first name count as none. */
function valueOf(contact: AutomationContactFacts, field: AutomationContactField): string | null {
  if (field === 'email' && contact.emailIsPlaceholder) return null;
  const value = contact[field];
  return value === null || value === '' ? null : value;
}

function holds(condition: AutomationContactCondition, actual: string | null): boolean {
  const wanted = (condition.value ?? '').toLowerCase();
  const value = actual?.toLowerCase() ?? null;
  switch (condition.operator) {
    case 'present':
      return value !== null;
    case 'absent':
      return value === null;
    case 'equals':
      return value === wanted;
    case 'not-equals':
      return value !== wanted;
    case 'contains':
      return value !== null && isContactTextField(condition.field) && value.includes(wanted);
  }
}

/**
 * One contact test on the order's client contact. Text compares without regard to case (ids are stored lower-case,
 * and the rule's ids are lower-cased by its request class). An order without a client contact passes no test, not
 * even `absent`: the rule speaks of a contact the order does not have.
 */
export function evaluateContactCondition(
  condition: AutomationContactCondition,
  contact: AutomationContactFacts | null,
): AutomationConditionResult {
  const test = `${condition.field} ${condition.operator}${condition.value === undefined ? '' : ` '${condition.value}'`}`;
  if (contact === null) {
    return { condition: 'contactFields', holds: false, detail: `The order has no client contact to test (${test})` };
  }
  const actual = valueOf(contact, condition.field);
  const verdict = holds(condition, actual);
  const shown = actual === null ? 'none' : `'${actual}'`;
  return {
    condition: 'contactFields',
    holds: verdict,
    detail: `The client contact's ${condition.field} ${shown} ${verdict ? 'passes' : 'fails'} the test ${test}`,
  };
}
