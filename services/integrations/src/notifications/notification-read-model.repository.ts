import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationLanguage, PersonKind, StatusCategory } from '@warden/contracts';
import { queryRows } from '@warden/persistence';

export interface NotifiedPerson {
  personId: string;
  kind: PersonKind;
  email: string;
  emailIsPlaceholder: boolean;
  notifications: boolean;
  name: string;
  deleted: boolean;
}

export interface NotifiedOrder {
  orderId: string;
  number: number;
  title: string;
  clientContactId: string | null;
  departmentId: string | null;
}

export interface NotifiedDepartment {
  name: string;
  headId: string | null;
  memberIds: string[];
}

/**
 * What notifications need to know of other services' facts, kept from their events (every write is an upsert of
 * the latest snapshot, so a replayed event changes nothing): tenants' names, people's addresses and flags, statuses'
 * categories, orders' clients and departments, departments' people.
 */
@Injectable()
export class NotificationReadModelRepository {
  async upsertTenant(manager: EntityManager, tenantId: string, name: string): Promise<void> {
    await manager.query(
      `INSERT INTO notification_tenants (tenant_id, name) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name`,
      [tenantId, name],
    );
  }

  async tenant(manager: EntityManager, tenantId: string): Promise<{ name: string; language: NotificationLanguage } | null> {
    const rows = await queryRows<{ name: string; language: NotificationLanguage }>(
      manager,
      'SELECT name, language FROM notification_tenants WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0] ?? null;
  }

  /** A tenant's language; a tenant not known yet gets a row named after nothing, filled in when its event comes. */
  async setLanguage(manager: EntityManager, tenantId: string, language: NotificationLanguage): Promise<void> {
    await manager.query(
      `INSERT INTO notification_tenants (tenant_id, name, language) VALUES ($1, '', $2) ON CONFLICT (tenant_id) DO UPDATE SET language = EXCLUDED.language`,
      [tenantId, language],
    );
  }

  async upsertPerson(manager: EntityManager, tenantId: string, person: Omit<NotifiedPerson, 'deleted'>): Promise<void> {
    await manager.query(
      `INSERT INTO notification_people (person_id, tenant_id, kind, email, email_is_placeholder, notifications, name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (person_id) DO UPDATE SET email = EXCLUDED.email, email_is_placeholder = EXCLUDED.email_is_placeholder,
         notifications = EXCLUDED.notifications, name = EXCLUDED.name`,
      [person.personId, tenantId, person.kind, person.email, person.emailIsPlaceholder, person.notifications, person.name],
    );
  }

  async markPersonDeleted(manager: EntityManager, tenantId: string, personId: string): Promise<void> {
    await manager.query('UPDATE notification_people SET deleted = true WHERE tenant_id = $1 AND person_id = $2', [tenantId, personId]);
  }

  async person(manager: EntityManager, tenantId: string, personId: string): Promise<NotifiedPerson | null> {
    const rows = await queryRows<NotifiedPerson>(
      manager,
      `SELECT person_id AS "personId", kind, email, email_is_placeholder AS "emailIsPlaceholder", notifications, name, deleted
       FROM notification_people WHERE tenant_id = $1 AND person_id = $2`,
      [tenantId, personId],
    );
    return rows[0] ?? null;
  }

  async upsertStatuses(
    manager: EntityManager,
    tenantId: string,
    statuses: Array<{ statusId: string; name: string; category: StatusCategory }>,
  ): Promise<void> {
    for (const status of statuses) {
      await manager.query(
        `INSERT INTO notification_statuses (status_id, tenant_id, name, category) VALUES ($1, $2, $3, $4)
         ON CONFLICT (status_id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category`,
        [status.statusId, tenantId, status.name, status.category],
      );
    }
  }

  async statusCategory(manager: EntityManager, tenantId: string, statusId: string): Promise<StatusCategory | null> {
    const rows = await queryRows<{ category: StatusCategory }>(
      manager,
      'SELECT category FROM notification_statuses WHERE tenant_id = $1 AND status_id = $2',
      [tenantId, statusId],
    );
    return rows[0]?.category ?? null;
  }

  async upsertOrder(manager: EntityManager, tenantId: string, order: NotifiedOrder): Promise<void> {
    await manager.query(
      `INSERT INTO notification_orders (order_id, tenant_id, number, title, client_contact_id, department_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (order_id) DO UPDATE SET number = EXCLUDED.number, title = EXCLUDED.title,
         client_contact_id = EXCLUDED.client_contact_id, department_id = EXCLUDED.department_id`,
      [order.orderId, tenantId, order.number, order.title, order.clientContactId, order.departmentId],
    );
  }

  async moveOrder(manager: EntityManager, tenantId: string, orderId: string, departmentId: string): Promise<void> {
    await manager.query('UPDATE notification_orders SET department_id = $3 WHERE tenant_id = $1 AND order_id = $2', [
      tenantId,
      orderId,
      departmentId,
    ]);
  }

  async order(manager: EntityManager, tenantId: string, orderId: string): Promise<NotifiedOrder | null> {
    const rows = await queryRows<NotifiedOrder>(
      manager,
      `SELECT order_id AS "orderId", number, title, client_contact_id AS "clientContactId", department_id AS "departmentId"
       FROM notification_orders WHERE tenant_id = $1 AND order_id = $2`,
      [tenantId, orderId],
    );
    return rows[0] ?? null;
  }

  async upsertDepartment(manager: EntityManager, tenantId: string, departmentId: string, department: NotifiedDepartment): Promise<void> {
    await manager.query(
      `INSERT INTO notification_departments (department_id, tenant_id, name, head_id, member_ids) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department_id) DO UPDATE SET name = EXCLUDED.name, head_id = EXCLUDED.head_id, member_ids = EXCLUDED.member_ids`,
      [departmentId, tenantId, department.name, department.headId, department.memberIds],
    );
  }

  async setDepartmentMembers(manager: EntityManager, tenantId: string, departmentId: string, memberIds: string[]): Promise<void> {
    await manager.query('UPDATE notification_departments SET member_ids = $3 WHERE tenant_id = $1 AND department_id = $2', [
      tenantId,
      departmentId,
      memberIds,
    ]);
  }

  async deleteDepartment(manager: EntityManager, tenantId: string, departmentId: string): Promise<void> {
    await manager.query('DELETE FROM notification_departments WHERE tenant_id = $1 AND department_id = $2', [tenantId, departmentId]);
  }

  async department(manager: EntityManager, tenantId: string, departmentId: string): Promise<NotifiedDepartment | null> {
    const rows = await queryRows<NotifiedDepartment>(
      manager,
      'SELECT name, head_id AS "headId", member_ids AS "memberIds" FROM notification_departments WHERE tenant_id = $1 AND department_id = $2',
      [tenantId, departmentId],
    );
    return rows[0] ?? null;
  }
}
