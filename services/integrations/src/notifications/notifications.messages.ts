import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { NotificationSettingsView, NotificationTemplatesView, NotificationTemplateView, NotificationView } from '@warden/contracts';
import { NotificationsService } from './notifications.service';

@Controller()
export class NotificationsMessages {
  constructor(private readonly notifications: NotificationsService) {}

  @RpcHandler('integrations.notifications.list')
  list(@Payload() message: RpcMessage<'integrations.notifications.list'>): Promise<Page<NotificationView>> {
    return this.notifications.list(message.ctx.tenantId, message.data);
  }

  @RpcHandler('integrations.notifications.unsubscribe')
  unsubscribe(@Payload() message: RpcMessage<'integrations.notifications.unsubscribe'>): Promise<{ unsubscribed: true }> {
    return this.notifications.unsubscribe(message.data.token);
  }

  @RpcHandler('integrations.notification-settings.get')
  settings(@Payload() message: RpcMessage<'integrations.notification-settings.get'>): Promise<NotificationSettingsView> {
    return this.notifications.getSettings(message.ctx.tenantId, message.data.personId);
  }

  @RpcHandler('integrations.notification-settings.update')
  updateSettings(@Payload() message: RpcMessage<'integrations.notification-settings.update'>): Promise<NotificationSettingsView> {
    return this.notifications.updateSettings(message.ctx.tenantId, message.data.personId, message.data.changes);
  }

  @RpcHandler('integrations.notification-templates.list')
  templates(@Payload() message: RpcMessage<'integrations.notification-templates.list'>): Promise<NotificationTemplatesView> {
    return this.notifications.listTemplates(message.ctx.tenantId);
  }

  @RpcHandler('integrations.notification-templates.update')
  updateTemplate(@Payload() message: RpcMessage<'integrations.notification-templates.update'>): Promise<NotificationTemplateView> {
    return this.notifications.updateTemplate(message.ctx.tenantId, message.data);
  }

  @RpcHandler('integrations.notification-language.update')
  setLanguage(@Payload() message: RpcMessage<'integrations.notification-language.update'>): Promise<NotificationTemplatesView> {
    return this.notifications.setLanguage(message.ctx.tenantId, message.data.language);
  }
}
