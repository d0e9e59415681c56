import { NotificationSentV1 } from '@warden/contracts';
import type { OutgoingEvent } from '@warden/contracts';
import type { ClaimedNotification } from './notification.repository';

export function notificationSent(notification: ClaimedNotification): OutgoingEvent<NotificationSentV1> {
  return {
    contract: NotificationSentV1,
    tenantId: notification.tenantId,
    subject: notification.id,
    data: {
      notificationId: notification.id,
      kind: notification.kind,
      eventId: notification.eventId,
      recipientId: notification.recipientId,
      recipientKind: notification.recipientKind,
      at: new Date().toISOString(),
    },
  };
}
