import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { NotificationSettingsView, NotificationTemplatesView, NotificationTemplateView, NotificationView } from '@warden/contracts';
import { GetNotificationSettingsQuery } from './get-notification-settings.handler';
import { ListNotificationTemplatesQuery } from './list-notification-templates.handler';
import { ListNotificationsQuery } from './list-notifications.handler';
import { SetNotificationLanguageCommand } from './set-notification-language.handler';
import { UnsubscribeCommand } from './unsubscribe.handler';
import { UpdateNotificationSettingsCommand } from './update-notification-settings.handler';
import { UpdateNotificationTemplateCommand } from './update-notification-template.handler';

/**
 * What the gateway asks of notifications (the log, unsubscribing, employees' choices and tenants' templates): each
 * message becomes one command or query for its handler (`*.handler.ts` beside this file).
 */
@Controller()
export class NotificationsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('integrations.notifications.list')
  list(@Payload() message: RpcMessage<'integrations.notifications.list'>): Promise<Page<NotificationView>> {
    return this.queries.execute(new ListNotificationsQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('integrations.notifications.unsubscribe')
  unsubscribe(@Payload() message: RpcMessage<'integrations.notifications.unsubscribe'>): Promise<{ unsubscribed: true }> {
    return this.commands.execute(new UnsubscribeCommand(message.data.token));
  }

  @RpcHandler('integrations.notification-settings.get')
  settings(@Payload() message: RpcMessage<'integrations.notification-settings.get'>): Promise<NotificationSettingsView> {
    return this.queries.execute(new GetNotificationSettingsQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('integrations.notification-settings.update')
  updateSettings(@Payload() message: RpcMessage<'integrations.notification-settings.update'>): Promise<NotificationSettingsView> {
    return this.commands.execute(new UpdateNotificationSettingsCommand(message.ctx.tenantId, message.data.personId, message.data.changes));
  }

  @RpcHandler('integrations.notification-templates.list')
  templates(@Payload() message: RpcMessage<'integrations.notification-templates.list'>): Promise<NotificationTemplatesView> {
    return this.queries.execute(new ListNotificationTemplatesQuery(message.ctx.tenantId));
  }

  @RpcHandler('integrations.notification-templates.update')
  updateTemplate(@Payload() message: RpcMessage<'integrations.notification-templates.update'>): Promise<NotificationTemplateView> {
    return this.commands.execute(new UpdateNotificationTemplateCommand(message.ctx.tenantId, message.data));
  }

  @RpcHandler('integrations.notification-language.update')
  setLanguage(@Payload() message: RpcMessage<'integrations.notification-language.update'>): Promise<NotificationTemplatesView> {
    return this.commands.execute(new SetNotificationLanguageCommand(message.ctx.tenantId, message.data.language));
  }
}
