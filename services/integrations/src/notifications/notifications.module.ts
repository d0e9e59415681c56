import { Module } from '@nestjs/common';
import { GetNotificationSettingsHandler } from './get-notification-settings.handler';
import { ListNotificationTemplatesHandler } from './list-notification-templates.handler';
import { ListNotificationsHandler } from './list-notifications.handler';
import { MailSender } from './mail.sender';
import { NotificationComposer } from './notification.composer';
import { NotificationDispatcher } from './notification.dispatcher';
import { NotificationEventsConsumer } from './notification-events.consumer';
import { NotificationReadModelRepository } from './notification-read-model.repository';
import { NotificationRepository } from './notification.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationTemplateRepository } from './notification-template.repository';
import { NotificationsMessages } from './notifications.messages';
import { loadNotificationsEnv, NOTIFICATIONS_ENV } from './notifications.env';
import type { NotificationsEnv } from './notifications.env';
import { SetNotificationLanguageHandler } from './set-notification-language.handler';
import { UnsubscribeHandler } from './unsubscribe.handler';
import { UnsubscribeToken } from './unsubscribe.token';
import { UpdateNotificationSettingsHandler } from './update-notification-settings.handler';
import { UpdateNotificationTemplateHandler } from './update-notification-template.handler';

/** Email notifications: events in (read models and the queue), SMTP out with retries, the log and unsubscribe links. */
@Module({
  controllers: [NotificationsMessages],
  providers: [
    { provide: NOTIFICATIONS_ENV, useFactory: loadNotificationsEnv },
    {
      provide: UnsubscribeToken,
      useFactory: (env: NotificationsEnv) => new UnsubscribeToken(env.NOTIFICATION_TOKEN_SECRET),
      inject: [NOTIFICATIONS_ENV],
    },
    NotificationReadModelRepository,
    NotificationRepository,
    NotificationSettingsRepository,
    NotificationTemplateRepository,
    NotificationComposer,
    MailSender,
    NotificationDispatcher,
    NotificationEventsConsumer,
    ListNotificationsHandler,
    UnsubscribeHandler,
    GetNotificationSettingsHandler,
    UpdateNotificationSettingsHandler,
    ListNotificationTemplatesHandler,
    UpdateNotificationTemplateHandler,
    SetNotificationLanguageHandler,
  ],
})
export class NotificationsModule {}
