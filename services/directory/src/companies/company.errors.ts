import { DomainError } from '@warden/kernel';

export const CompanyErrors = {
  notFound: (): DomainError => DomainError.notFound('COMPANY.NOT_FOUND', 'The company'),
  taxIdTaken: (): DomainError =>
    new DomainError('COMPANY.TAX_ID_TAKEN', 'conflict', 'Another company has this tax id', [{ field: 'taxId', reason: 'is taken' }]),
  managerOfOtherCompany: (field: string): DomainError =>
    DomainError.invalid(
      'COMPANY.MANAGER_NOT_OF_COMPANY',
      field,
      'names a contact that is not of this company; a client manager is a contact of the company or an employee',
    ),
  unknown: (field: string): DomainError => DomainError.invalid('COMPANY.UNKNOWN', field, 'is not a company of this tenant'),
};
