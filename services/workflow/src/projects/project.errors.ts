import { DomainError } from '@warden/kernel';

export const ProjectErrors = {
  notFound: (): DomainError => DomainError.notFound('PROJECT.NOT_FOUND', 'Project'),
  unknown: (field: string): DomainError => DomainError.invalid('PROJECT.UNKNOWN', field, 'is not a project of this tenant'),
  nameRequired: (): DomainError => DomainError.invalid('PROJECT.NAME_REQUIRED', 'name', 'must not be empty'),
  unknownCompany: (): DomainError =>
    DomainError.invalid('COMPANY.UNKNOWN', 'counterpartyCompanyId', 'is not a company of this tenant (directory)'),
};
