import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind, NotificationSettingsView } from '@warden/contracts';
import { queryRows } from '@warden/persistence';

/** The kinds an employee can turn off for itself, and their columns. */
export const EMPLOYEE_SETTING_OF: Partial<Record<NotificationKind, keyof NotificationSettingsView>> = {
  'order-transferred': 'orderTransferred',
  'inquiry-assigned': 'inquiryAssigned',
  'automation-notify': 'automationNotify',
};

const DEFAULTS: NotificationSettingsView = { orderTransferred: true, inquiryAssigned: true, automationNotify: true };

/** Each employee's own choice of notifications; everything is on until the person turns it off. */
@Injectable()
export class NotificationSettingsRepository {
  async get(manager: EntityManager, tenantId: string, personId: string): Promise<NotificationSettingsView> {
    const rows = await queryRows<NotificationSettingsView>(
      manager,
      `SELECT order_transferred AS "orderTransferred", inquiry_assigned AS "inquiryAssigned", automation_notify AS "automationNotify"
       FROM notification_settings WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, personId],
    );
    return rows[0] ?? { ...DEFAULTS };
  }

  async update(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    changes: Partial<NotificationSettingsView>,
  ): Promise<NotificationSettingsView> {
    const next = { ...(await this.get(manager, tenantId, personId)), ...changes };
    await manager.query(
      `INSERT INTO notification_settings (person_id, tenant_id, order_transferred, inquiry_assigned, automation_notify) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id) DO UPDATE SET order_transferred = EXCLUDED.order_transferred, inquiry_assigned = EXCLUDED.inquiry_assigned,
         automation_notify = EXCLUDED.automation_notify`,
      [personId, tenantId, next.orderTransferred, next.inquiryAssigned, next.automationNotify],
    );
    return { orderTransferred: next.orderTransferred, inquiryAssigned: next.inquiryAssigned, automationNotify: next.automationNotify };
  }
}
