import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NOTIFICATION_KINDS, NOTIFICATION_LANGUAGES } from '@warden/contracts';
import type { NotificationTemplatesView, NotificationTemplateView } from '@warden/contracts';
import { NotificationReadModelRepository } from './notification-read-model.repository';
import { NotificationTemplateRepository } from './notification-template.repository';
import { DEFAULT_TEMPLATES } from './notification.templates';

export class ListNotificationTemplatesQuery extends Query<NotificationTemplatesView> {
  constructor(readonly tenantId: string) {
    super();
  }
}

/** Every kind in both languages: the tenant's own where it wrote one, the default otherwise; and the tenant's language. */
@QueryHandler(ListNotificationTemplatesQuery)
export class ListNotificationTemplatesHandler implements IQueryHandler<ListNotificationTemplatesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: NotificationTemplateRepository,
    private readonly readModel: NotificationReadModelRepository,
  ) {}

  async execute({ tenantId }: ListNotificationTemplatesQuery): Promise<NotificationTemplatesView> {
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
}
