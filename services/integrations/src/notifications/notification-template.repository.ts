import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind, NotificationLanguage } from '@warden/contracts';
import { queryRows } from '@warden/persistence';
import type { NotificationTemplate } from './notification.templates';

export interface StoredTemplate extends NotificationTemplate {
  kind: NotificationKind;
  language: NotificationLanguage;
}

/** The templates a tenant wrote itself; the defaults live in code (notification.templates.ts). */
@Injectable()
export class NotificationTemplateRepository {
  async ofTenant(manager: EntityManager, tenantId: string): Promise<StoredTemplate[]> {
    return queryRows<StoredTemplate>(
      manager,
      'SELECT kind, language, subject, text, html FROM notification_templates WHERE tenant_id = $1',
      [tenantId],
    );
  }

  async find(
    manager: EntityManager,
    tenantId: string,
    kind: NotificationKind,
    language: NotificationLanguage,
  ): Promise<NotificationTemplate | null> {
    const rows = await queryRows<NotificationTemplate>(
      manager,
      'SELECT subject, text, html FROM notification_templates WHERE tenant_id = $1 AND kind = $2 AND language = $3',
      [tenantId, kind, language],
    );
    return rows[0] ?? null;
  }

  async save(manager: EntityManager, tenantId: string, template: StoredTemplate): Promise<void> {
    await manager.query(
      `INSERT INTO notification_templates (tenant_id, kind, language, subject, text, html) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, kind, language) DO UPDATE SET subject = EXCLUDED.subject, text = EXCLUDED.text, html = EXCLUDED.html`,
      [tenantId, template.kind, template.language, template.subject, template.text, template.html],
    );
  }
}
