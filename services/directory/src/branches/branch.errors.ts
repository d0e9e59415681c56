import { DomainError } from '@warden/kernel';

export const BranchErrors = {
  notFound: (): DomainError => DomainError.notFound('BRANCH.NOT_FOUND', 'The branch'),
  nameTaken: (): DomainError =>
    new DomainError('BRANCH.NAME_TAKEN', 'conflict', 'A branch with this name already exists', [{ field: 'name', reason: 'is taken' }]),
  badTimeZone: (): DomainError =>
    DomainError.invalid('BRANCH.BAD_TIME_ZONE', 'timeZone', 'must be an IANA time zone such as Europe/Moscow'),
  inUse: (): DomainError =>
    new DomainError('BRANCH.IN_USE', 'conflict', 'The branch is still used by employees or contacts; reassign them first'),
  /** A referenced branch that is not one of this tenant's. */
  unknown: (field: string): DomainError => DomainError.invalid('BRANCH.UNKNOWN', field, 'is not a branch of this tenant'),
};
