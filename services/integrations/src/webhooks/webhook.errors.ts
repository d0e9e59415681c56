import { DomainError } from '@warden/kernel';

export const WebhookErrors = {
  notFound: (): DomainError => DomainError.notFound('WEBHOOK.NOT_FOUND', 'The webhook endpoint'),
  deliveryNotFound: (): DomainError => DomainError.notFound('WEBHOOK.DELIVERY_NOT_FOUND', 'The delivery'),
  badUrl: (reason: string): DomainError => DomainError.invalid('WEBHOOK.BAD_URL', 'url', reason),
  badEventType: (index: number, reason: string): DomainError =>
    DomainError.invalid('WEBHOOK.UNKNOWN_EVENT_TYPE', `eventTypes.${index}`, reason),
  badSince: (): DomainError =>
    DomainError.invalid('WEBHOOK.BAD_SINCE', 'since', 'must be an ISO 8601 instant or the id of an event of this tenant'),
};
