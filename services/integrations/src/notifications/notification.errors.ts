import { DomainError } from '@warden/kernel';

export const NotificationErrors = {
  badToken: (): DomainError =>
    DomainError.invalid(
      'NOTIFICATION.BAD_UNSUBSCRIBE_TOKEN',
      'token',
      'is not an unsubscribe link of this product (altered or signed with another key)',
    ),
  badPlaceholder: (field: string, name: string): DomainError =>
    DomainError.invalid('NOTIFICATION.UNKNOWN_PLACEHOLDER', field, `names {{${name}}}, which this kind of notification does not have`),
};
