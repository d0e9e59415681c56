/**
 * What of the order's client contact a rule can test. Text fields compare without regard to case; a placeholder
 * email (a messenger sender's generated address) counts as no email; the id fields and `status` take exact values.
 */
export const AUTOMATION_CONTACT_TEXT_FIELDS = ['email', 'phone', 'firstName', 'lastName', 'middleName'] as const;
export const AUTOMATION_CONTACT_ID_FIELDS = ['branchId', 'responsibleEmployeeId'] as const;
export const AUTOMATION_CONTACT_FIELDS = [...AUTOMATION_CONTACT_TEXT_FIELDS, ...AUTOMATION_CONTACT_ID_FIELDS, 'status'] as const;
export type AutomationContactField = (typeof AUTOMATION_CONTACT_FIELDS)[number];

/** `contains` is for text fields only; `present` and `absent` take no value, the others one. */
export const AUTOMATION_CONTACT_OPERATORS = ['equals', 'not-equals', 'contains', 'present', 'absent'] as const;
export type AutomationContactOperator = (typeof AUTOMATION_CONTACT_OPERATORS)[number];

export const AUTOMATION_VALUELESS_OPERATORS: readonly AutomationContactOperator[] = ['present', 'absent'];

export function isContactTextField(field: AutomationContactField): boolean {
  return (AUTOMATION_CONTACT_TEXT_FIELDS as readonly string[]).includes(field);
}
