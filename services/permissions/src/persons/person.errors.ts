import { DomainError } from '@warden/kernel';

export const PersonErrors = {
  /** A person of another tenant, or nobody: the routes addressed by person id answer 404. */
  notFound: (): DomainError => DomainError.notFound('PERSON.NOT_FOUND', 'The person'),
};
