import { DomainError } from '@warden/kernel';

/** Coded failures of group and membership changes. */
export const GroupErrors = {
  notFound: (): DomainError => DomainError.notFound('GROUP.NOT_FOUND', 'The group'),
  nameTaken: (name: string): DomainError =>
    new DomainError('GROUP.NAME_TAKEN', 'conflict', `A group named '${name}' already exists`, [
      { field: 'name', reason: 'is already taken by another group' },
    ]),
  systemRightsFixed: (field: 'rights' | 'loginBarred'): DomainError =>
    DomainError.invalid(
      'GROUP.SYSTEM_RIGHTS_FIXED',
      field,
      field === 'rights' ? 'the Administrator group always has every right' : 'the Administrator group cannot be barred from logging in',
    ),
  unknownGroups: (field: string, ids: string[]): DomainError =>
    new DomainError('GROUP.UNKNOWN', 'validation', `${field}: unknown group(s) ${ids.join(', ')}`, [
      { field, reason: `contains group(s) that do not exist: ${ids.join(', ')}` },
    ]),
  unknownPersons: (field: string, ids: string[]): DomainError =>
    new DomainError('PERSON.UNKNOWN', 'validation', `${field}: unknown or deleted person(s) ${ids.join(', ')}`, [
      { field, reason: `contains people who do not exist or are deleted: ${ids.join(', ')}` },
    ]),
  lastAdministrator: (): DomainError =>
    new DomainError('GROUP.LAST_ADMINISTRATOR', 'conflict', 'The tenant must keep at least one active member in the Administrator group'),
  notProvisioned: (): DomainError =>
    new DomainError('TENANT.NOT_PROVISIONED', 'conflict', 'The tenant has no default groups yet; provision it first'),
};
