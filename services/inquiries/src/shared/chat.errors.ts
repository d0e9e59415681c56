import { DomainError } from '@warden/kernel';

/**
 * Coded failures of chats, inquiries and reception modes; the gateway maps kinds to HTTP statuses. Refusals
 * of access (close, reassign, another branch) are the permissions service's: services/permissions/src/chat-access/.
 */
export const ChatErrors = {
  conversationNotFound: () => DomainError.notFound('CONVERSATION.NOT_FOUND', 'The conversation'),
  inquiryNotFound: () => DomainError.notFound('INQUIRY.NOT_FOUND', 'The inquiry'),
  messageNotFound: () => DomainError.invalid('MESSAGE.NOT_FOUND', 'messageId', 'is not a message of this conversation'),
  kindDisabled: (kind: string) =>
    new DomainError('CONVERSATION.KIND_DISABLED', 'forbidden', `${kind} conversations are switched off for this organisation`, undefined, {
      kind,
    }),
  inquiriesDisabled: () => new DomainError('INQUIRY.DISABLED', 'forbidden', 'Client inquiries are switched off for this organisation'),
  unknownEmployees: (ids: string[]) =>
    new DomainError('PARTICIPANT.UNKNOWN', 'validation', 'employeeIds: not employees of this organisation', [
      { field: 'employeeIds', reason: `unknown: ${ids.join(', ')}` },
    ]),
  unknownContact: (field = 'contactId') => DomainError.invalid('CONTACT.UNKNOWN', field, 'is not a contact of this organisation'),
  contactsNotAllowed: () =>
    DomainError.invalid('CONVERSATION.CONTACTS_NOT_ALLOWED', 'contactIds', 'internal conversations are between employees only'),
  contactRequired: () =>
    DomainError.invalid('CONVERSATION.CONTACT_REQUIRED', 'contactIds', 'a client conversation needs at least one contact'),
  classmateRequired: () =>
    DomainError.invalid('CONVERSATION.CONTACT_REQUIRED', 'contactIds', 'a group chat needs at least one classmate besides you'),
  inquiryContactRequired: () =>
    DomainError.invalid('INQUIRY.CONTACT_REQUIRED', 'contactId', 'is required when an employee records a client inquiry'),
  noContactForLogin: () => new DomainError('INQUIRY.NO_CONTACT', 'forbidden', 'This login is not linked to a contact of the organisation'),
  inquiryClosed: () => new DomainError('INQUIRY.CLOSED', 'conflict', 'The inquiry is closed'),
  assigneeUnknown: () => DomainError.invalid('INQUIRY.ASSIGNEE_UNKNOWN', 'assigneeId', 'is not an employee of this organisation'),
  assigneeNotAssignable: (name: string) =>
    new DomainError(
      'INQUIRY.ASSIGNEE_NOT_ASSIGNABLE',
      'validation',
      `${name} cannot be assigned inquiries (no 'inquiries.assignable' right)`,
      [{ field: 'assigneeId', reason: "does not hold the right 'inquiries.assignable'" }],
    ),
  employeeNotFound: () => DomainError.notFound('RECEPTION.EMPLOYEE_NOT_FOUND', 'The employee'),
  anyoneNeedsAllBranches: (name: string) =>
    new DomainError(
      'RECEPTION.ANYONE_NEEDS_ALL_BRANCHES',
      'validation',
      `Reception mode 'anyone' is only for employees with access to all branches; ${name} does not have it`,
      [{ field: 'mode', reason: "'anyone' needs access to all branches (directory's all-branches flag or the right 'branches.all')" }],
    ),
};
