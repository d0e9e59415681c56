import { DomainError } from '@warden/kernel';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;

export const TenantErrors = {
  slugTaken: (slug: string): DomainError =>
    new DomainError('TENANT.SLUG_TAKEN', 'conflict', `The tenant slug "${slug}" is taken`, [{ field: 'slug', reason: 'is already taken' }]),
  badSlug: (): DomainError =>
    DomainError.invalid('TENANT.BAD_SLUG', 'slug', 'must be 3-40 lowercase letters, digits or dashes, not starting or ending with a dash'),
  nameRequired: (): DomainError => DomainError.invalid('TENANT.NAME_REQUIRED', 'name', 'must not be empty'),
};
