import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactStatus, ContactView } from '@warden/contracts';
import { digitsOf } from '@warden/kernel';
import { firstReturned } from '../shared/sql';

interface ContactRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  sort_name: string;
  email: string;
  email_is_placeholder: boolean;
  phone: string | null;
  messenger_ids: Record<string, string>;
  company_id: string | null;
  status: ContactStatus;
  notifications: boolean;
  responsible_employee_id: string | null;
  branch_id: string | null;
  portal_person_id: string | null;
  portal_access_requested_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Everything stored about a contact, as a command writes it. */
export interface ContactRecord {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string;
  emailIsPlaceholder: boolean;
  phone: string | null;
  messengerIds: Record<string, string>;
  companyId: string | null;
  status: ContactStatus;
  notifications: boolean;
  responsibleEmployeeId: string | null;
  branchId: string | null;
}

/** Filters already normalised by the service: patterns are LIKE patterns, digits are digits. */
export interface ContactFilter {
  searchPattern?: string;
  searchDigits?: string;
  namePattern?: string;
  emailPattern?: string;
  phoneDigits?: string;
  companyId?: string;
  status?: ContactStatus;
  branchId?: string;
  responsibleEmployeeId?: string;
  notifications?: boolean;
  after?: { key: string; id: string } | null;
  limit: number;
}

export function fullNameOf(contact: { lastName: string; firstName: string; middleName: string | null }): string {
  return [contact.lastName, contact.firstName, contact.middleName].filter((part) => part).join(' ');
}

function toView(row: ContactRow): ContactView {
  const names = { lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name };
  return {
    id: row.id,
    ...names,
    fullName: fullNameOf(names),
    email: row.email,
    emailIsPlaceholder: row.email_is_placeholder,
    phone: row.phone,
    messengerIds: row.messenger_ids,
    companyId: row.company_id,
    status: row.status,
    notifications: row.notifications,
    responsibleEmployeeId: row.responsible_employee_id,
    branchId: row.branch_id,
    portalPersonId: row.portal_person_id,
    portalAccess: row.portal_person_id ? 'granted' : row.portal_access_requested_at ? 'requested' : 'none',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

@Injectable()
export class ContactRepository {
  /** `limit + 1` rows in (sort name, id) order after the cursor. */
  async page(manager: EntityManager, tenantId: string, filter: ContactFilter): Promise<Array<ContactView & { sortName: string }>> {
    const params: unknown[] = [tenantId];
    const where = ['tenant_id = $1'];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.searchPattern) {
      const pattern = param(filter.searchPattern);
      const digits = filter.searchDigits ? ` OR phone_digits LIKE ${param(`%${filter.searchDigits}%`)}` : '';
      where.push(`(sort_name LIKE ${pattern} OR lower(email) LIKE ${pattern}${digits})`);
    }
    if (filter.namePattern) where.push(`sort_name LIKE ${param(filter.namePattern)}`);
    if (filter.emailPattern) where.push(`lower(email) LIKE ${param(filter.emailPattern)}`);
    if (filter.phoneDigits) where.push(`phone_digits LIKE ${param(`%${filter.phoneDigits}%`)}`);
    if (filter.companyId) where.push(`company_id = ${param(filter.companyId)}::uuid`);
    if (filter.status) where.push(`status = ${param(filter.status)}`);
    if (filter.branchId) where.push(`branch_id = ${param(filter.branchId)}::uuid`);
    if (filter.responsibleEmployeeId) where.push(`responsible_employee_id = ${param(filter.responsibleEmployeeId)}::uuid`);
    if (filter.notifications !== undefined) where.push(`notifications = ${param(filter.notifications)}`);
    if (filter.after) where.push(`(sort_name, id) > (${param(filter.after.key)}, ${param(filter.after.id)}::uuid)`);
    const limit = param(filter.limit + 1);
    const rows: ContactRow[] = await manager.query(
      `SELECT * FROM contacts WHERE ${where.join(' AND ')} ORDER BY sort_name, id LIMIT ${limit}`,
      params,
    );
    return rows.map((row) => ({ ...toView(row), sortName: row.sort_name }));
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<ContactView | null> {
    const rows: ContactRow[] = await manager.query(`SELECT * FROM contacts WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [
      tenantId,
      id,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async findByEmail(manager: EntityManager, tenantId: string, email: string): Promise<ContactView | null> {
    const rows: ContactRow[] = await manager.query('SELECT * FROM contacts WHERE tenant_id = $1 AND lower(email) = lower($2)', [
      tenantId,
      email,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async findByMessengerId(manager: EntityManager, tenantId: string, key: string, messengerId: string): Promise<ContactView | null> {
    const rows: ContactRow[] = await manager.query(
      'SELECT * FROM contacts WHERE tenant_id = $1 AND messenger_ids @> $2::jsonb ORDER BY id LIMIT 1',
      [tenantId, JSON.stringify({ [key]: messengerId })],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async findByPhone(manager: EntityManager, tenantId: string, digits: string): Promise<ContactView | null> {
    const rows: ContactRow[] = await manager.query(
      'SELECT * FROM contacts WHERE tenant_id = $1 AND phone_digits = $2 ORDER BY id LIMIT 1',
      [tenantId, digits],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async insert(manager: EntityManager, tenantId: string, contact: ContactRecord): Promise<ContactView> {
    const rows: ContactRow[] = await manager.query(
      `INSERT INTO contacts (id, tenant_id, last_name, first_name, middle_name, sort_name, email, email_is_placeholder, phone, phone_digits,
         messenger_ids, company_id, status, notifications, responsible_employee_id, branch_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING *`,
      [contact.id, tenantId, ...this.columns(contact)],
    );
    return toView(rows[0]!);
  }

  async update(manager: EntityManager, tenantId: string, contact: ContactRecord): Promise<ContactView> {
    const result: unknown = await manager.query(
      `UPDATE contacts SET last_name = $3, first_name = $4, middle_name = $5, sort_name = $6, email = $7, email_is_placeholder = $8,
         phone = $9, phone_digits = $10, messenger_ids = $11, company_id = $12, status = $13, notifications = $14,
         responsible_employee_id = $15, branch_id = $16, updated_at = now()
       WHERE tenant_id = $2 AND id = $1 RETURNING *`,
      [contact.id, tenantId, ...this.columns(contact)],
    );
    return toView(firstReturned<ContactRow>(result)!);
  }

  /** The contact's portal login (its identity person id, which is the contact id) or null once revoked. */
  async setPortalPerson(manager: EntityManager, tenantId: string, id: string, personId: string | null): Promise<ContactView> {
    const result: unknown = await manager.query(
      `UPDATE contacts SET portal_person_id = $3, portal_access_requested_at = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [tenantId, id, personId],
    );
    return toView(firstReturned<ContactRow>(result)!);
  }

  private columns(contact: ContactRecord): unknown[] {
    return [
      contact.lastName,
      contact.firstName,
      contact.middleName,
      fullNameOf(contact).toLowerCase(),
      contact.email,
      contact.emailIsPlaceholder,
      contact.phone,
      digitsOf(contact.phone) || null,
      JSON.stringify(contact.messengerIds),
      contact.companyId,
      contact.status,
      contact.notifications,
      contact.responsibleEmployeeId,
      contact.branchId,
    ];
  }
}
