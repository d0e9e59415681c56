import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { decodeCursor } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES } from '@warden/contracts';
import type {
  NotificationLanguage,
  NotificationSettingsView,
  NotificationStatus,
  NotificationTemplatesView,
  NotificationTemplateView,
  NotificationView,
  RpcRequestData,
} from '@warden/contracts';
import { NotificationErrors } from './notification.errors';
import { NotificationReadModelRepository } from './notification-read-model.repository';
import { EMPLOYEE_SETTING_OF, NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationTemplateRepository } from './notification-template.repository';
import { NotificationRepository } from './notification.repository';
import { DEFAULT_TEMPLATES, PLACEHOLDERS } from './notification.templates';
import { placeholdersOf } from './template.renderer';
import { UnsubscribeToken } from './unsubscribe.token';

/** What the gateway asks of notifications: the log, unsubscribing, employees' choices and tenants' templates. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly readModel: NotificationReadModelRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly templates: NotificationTemplateRepository,
    private readonly tokens: UnsubscribeToken,
    private readonly bus: BusClient,
  ) {}

  list(tenantId: string, query: { recipientId?: string; status?: NotificationStatus; cursor?: string; limit?: number }): Promise<Page<NotificationView>> {
    return this.notifications.page(this.dataSource.manager, tenantId, {
      recipientId: query.recipientId,
      status: query.status,
      after: decodeCursor(query.cursor),
      limit: query.limit ?? 50,
    });
  }

  /**
   * A contact's link turns its notifications flag off in the directory, which owns it (the directory's event then
   * updates the read model here); an employee's link turns that one kind off in its own settings.
   */
  async unsubscribe(token: string): Promise<{ unsubscribed: true }> {
    const target = this.tokens.verify(token);
    if (!target) throw NotificationErrors.badToken();
    if (target.scope === 'all') {
      const ctx = { tenantId: target.tenantId, actorId: null, requestId: randomUUID() };
      await this.bus.request('directory.contacts.update', ctx, { contactId: target.personId, changes: { notifications: false } });
      return { unsubscribed: true };
    }
    const setting = EMPLOYEE_SETTING_OF[target.scope];
    if (setting) await this.settings.update(this.dataSource.manager, target.tenantId, target.personId, { [setting]: false });
    return { unsubscribed: true };
  }

  getSettings(tenantId: string, personId: string): Promise<NotificationSettingsView> {
    return this.settings.get(this.dataSource.manager, tenantId, personId);
  }

  updateSettings(tenantId: string, personId: string, changes: Partial<NotificationSettingsView>): Promise<NotificationSettingsView> {
    return this.settings.update(this.dataSource.manager, tenantId, personId, changes);
  }

  /** Every kind in both languages: the tenant's own where it wrote one, the default otherwise. */
  async listTemplates(tenantId: string): Promise<NotificationTemplatesView> {
    const manager = this.dataSource.manager;
    const own = await this.templates.ofTenant(manager, tenantId);
    const tenant = await this.readModel.tenant(manager, tenantId);
    const templates: NotificationTemplateView[] = NOTIFICATION_LANGUAGES.flatMap((language) =>
      NOTIFICATION_KINDS.map((kind) => {
        const custom = own.find((template) => template.kind === kind && template.language === language);
        const { subject, text, html } = custom ?? DEFAULT_TEMPLATES[language][kind];
        return { kind, language, subject, text, html, custom: custom !== undefined };
      }),
    );
    return { language: tenant?.language ?? 'en', templates };
  }

  async updateTemplate(tenantId: string, input: RpcRequestData<'integrations.notification-templates.update'>): Promise<NotificationTemplateView> {
    for (const field of ['subject', 'text', 'html'] as const) {
      const unknown = placeholdersOf(input[field]).find((name) => !PLACEHOLDERS[input.kind].includes(name));
      if (unknown) throw NotificationErrors.badPlaceholder(field, unknown);
    }
    const template = { kind: input.kind, language: input.language, subject: input.subject, text: input.text, html: input.html };
    await this.templates.save(this.dataSource.manager, tenantId, template);
    return { ...template, custom: true };
  }

  async setLanguage(tenantId: string, language: NotificationLanguage): Promise<NotificationTemplatesView> {
    await this.readModel.setLanguage(this.dataSource.manager, tenantId, language);
    return this.listTemplates(tenantId);
  }
}
