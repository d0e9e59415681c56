import { DomainError } from '@warden/kernel';

export const TenantErrors = {
  slugTaken: (slug: string): DomainError =>
    new DomainError('TENANT.SLUG_TAKEN', 'conflict', `The tenant slug "${slug}" is taken`, [{ field: 'slug', reason: 'is already taken' }]),
};
