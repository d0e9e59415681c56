import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationLanguage } from '@warden/contracts';
import { NOTIFICATIONS_ENV } from './notifications.env';
import type { NotificationsEnv } from './notifications.env';
import { NotificationReadModelRepository } from './notification-read-model.repository';
import type { NotifiedPerson } from './notification-read-model.repository';
import { NotificationTemplateRepository } from './notification-template.repository';
import { DEFAULT_TEMPLATES } from './notification.templates';
import type { ClaimedNotification } from './notification.repository';
import type { OutgoingMail } from './mail.sender';
import { renderTemplate } from './template.renderer';
import { UnsubscribeToken } from './unsubscribe.token';

/** Turns a due notification into the email: the tenant's template in its language (or the default), filled in. */
@Injectable()
export class NotificationComposer {
  private readonly baseUrl: string;

  constructor(
    private readonly readModel: NotificationReadModelRepository,
    private readonly templates: NotificationTemplateRepository,
    private readonly tokens: UnsubscribeToken,
    @Inject(NOTIFICATIONS_ENV) env: NotificationsEnv,
  ) {
    this.baseUrl = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  /** The link that turns these emails off: a contact's flag, or an employee's setting for this kind. */
  unsubscribeUrl(notification: ClaimedNotification): string {
    const scope = notification.recipientKind === 'contact' ? 'all' : notification.kind;
    const token = this.tokens.sign({ tenantId: notification.tenantId, personId: notification.recipientId, scope });
    return `${this.baseUrl}/api/v1/notifications/unsubscribe?token=${token}`;
  }

  async compose(manager: EntityManager, notification: ClaimedNotification, person: NotifiedPerson): Promise<OutgoingMail> {
    const tenant = await this.readModel.tenant(manager, notification.tenantId);
    const language: NotificationLanguage = tenant?.language ?? 'en';
    const template =
      (await this.templates.find(manager, notification.tenantId, notification.kind, language)) ??
      DEFAULT_TEMPLATES[language][notification.kind];
    const unsubscribeUrl = this.unsubscribeUrl(notification);
    const rendered = renderTemplate(template, {
      ...notification.context,
      tenantName: tenant?.name ?? '',
      recipientName: person.name,
      unsubscribeUrl,
    });
    return { to: person.email, ...rendered, messageId: `<${notification.id}@notifications.warden>`, unsubscribeUrl };
  }
}
