import { DomainError } from '@warden/kernel';

export const SessionErrors = {
  personIdsRequired: (): DomainError => DomainError.invalid('SESSIONS.PERSON_IDS_REQUIRED', 'personIds', 'must be an array of person ids'),
  reasonUnknown: (): DomainError => DomainError.invalid('SESSIONS.REASON_UNKNOWN', 'reason', "must be 'login-barred'"),
};
