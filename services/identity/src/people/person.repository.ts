import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '@warden/persistence';
import type { PersonKind, SystemStatus } from '@warden/contracts';
import { phoneSearchDigits } from '@warden/kernel';
import type { CursorPosition } from '@warden/kernel';
import { StaffErrors } from './person.errors';
import type { PersonRow } from './person.row';
import { likePattern, queryRows } from './sql';

export interface NewPerson {
  id: string;
  tenantId: string;
  kind: PersonKind;
  lastName: string;
  firstName: string;
  middleName: string | null;
  phone: string | null;
  position: string | null;
  email: string;
  passwordHash: string | null;
}

/** Columns a change may touch, by column name. */
export interface PersonChanges {
  last_name?: string;
  first_name?: string;
  middle_name?: string | null;
  phone?: string | null;
  position?: string | null;
  email?: string;
  password_hash?: string | null;
  access_enabled?: boolean;
}

export interface PersonListFilter {
  kind: PersonKind;
  status?: SystemStatus;
  signInRefusedIds?: string[];
  /** Left out: people outside their work schedule at the asked instant. */
  outsideScheduleIds?: string[];
  search?: string;
  includeDeleted: boolean;
  after: CursorPosition | null;
  /** Rows to fetch (the caller asks one more than the page size). */
  take: number;
}

const EMAIL_INDEX = 'persons_tenant_email_key';
const CHANGEABLE = new Set<keyof PersonChanges>([
  'last_name',
  'first_name',
  'middle_name',
  'phone',
  'position',
  'email',
  'password_hash',
  'access_enabled',
]);

/**
 * Status conditions in SQL, matching `systemStatusOf` in the mapper; `refused` is the parameter
 * holding the people the permissions service refuses at sign-in (they are `no_access` too).
 */
const STATUS_SQL: Record<SystemStatus, (refused: string) => string> = {
  deleted: () => 'deleted_at IS NOT NULL',
  no_access: (refused) => `deleted_at IS NULL AND (NOT access_enabled OR password_hash IS NULL OR id = ANY(${refused}::uuid[]))`,
  online: (refused) =>
    `deleted_at IS NULL AND access_enabled AND password_hash IS NOT NULL AND presence = 'online' AND NOT id = ANY(${refused}::uuid[])`,
  offline: (refused) =>
    `deleted_at IS NULL AND access_enabled AND password_hash IS NOT NULL AND presence = 'offline' AND NOT id = ANY(${refused}::uuid[])`,
};

/** Every query names its tenant: a person of another tenant simply does not exist here. */
@Injectable()
export class PersonRepository {
  async findById(
    manager: EntityManager,
    tenantId: string,
    id: string,
    options: { kind?: PersonKind; lock?: boolean } = {},
  ): Promise<PersonRow | null> {
    const kind = options.kind ? ' AND kind = $3' : '';
    const lock = options.lock ? ' FOR UPDATE' : '';
    const parameters = options.kind ? [tenantId, id, options.kind] : [tenantId, id];
    const rows = await queryRows<PersonRow>(manager, `SELECT * FROM persons WHERE tenant_id = $1 AND id = $2${kind}${lock}`, parameters);
    return rows[0] ?? null;
  }

  /**
   * The not-deleted person with this email (emails are unique among them). Emails are lower-case here and in every
   * request that carries one (libs/contracts/src/rpc/identity.rpc.ts), as the table's check demands.
   */
  async findActiveByEmail(manager: EntityManager, tenantId: string, email: string): Promise<PersonRow | null> {
    const rows = await queryRows<PersonRow>(manager, 'SELECT * FROM persons WHERE tenant_id = $1 AND email = $2 AND deleted_at IS NULL', [
      tenantId,
      email,
    ]);
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, person: NewPerson): Promise<PersonRow> {
    try {
      const rows = await queryRows<PersonRow>(
        manager,
        `INSERT INTO persons (id, tenant_id, kind, last_name, first_name, middle_name, phone, position, email, password_hash, access_enabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (tenant_id, email) WHERE deleted_at IS NULL DO NOTHING RETURNING *`,
        [
          person.id,
          person.tenantId,
          person.kind,
          person.lastName,
          person.firstName,
          person.middleName,
          person.phone,
          person.position,
          person.email,
          person.passwordHash,
          person.passwordHash !== null,
        ],
      );
      // No row back: the email is taken (expected, so answered without a failed statement in the logs).
      if (!rows[0]) throw StaffErrors.emailTaken(person.email);
      return rows[0];
    } catch (error) {
      if (isUniqueViolation(error, EMAIL_INDEX)) throw StaffErrors.emailTaken(person.email);
      throw error;
    }
  }

  async update(manager: EntityManager, tenantId: string, id: string, changes: PersonChanges): Promise<PersonRow> {
    const entries = Object.entries(changes).filter(
      ([column, value]) => CHANGEABLE.has(column as keyof PersonChanges) && value !== undefined,
    );
    const assignments = entries.map(([column], index) => `"${column}" = $${index + 3}`);
    const values = entries.map(([, value]) => value);
    try {
      const rows = await queryRows<PersonRow>(
        manager,
        `UPDATE persons SET ${[...assignments, 'updated_at = now()', 'version = version + 1'].join(', ')}
         WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [tenantId, id, ...values],
      );
      if (!rows[0]) throw StaffErrors.notFound();
      return rows[0];
    } catch (error) {
      if (isUniqueViolation(error, EMAIL_INDEX)) throw StaffErrors.emailTaken(String(changes.email));
      throw error;
    }
  }

  async softDelete(manager: EntityManager, tenantId: string, id: string): Promise<PersonRow> {
    const rows = await queryRows<PersonRow>(
      manager,
      `UPDATE persons SET deleted_at = now(), presence = 'offline', updated_at = now(), version = version + 1
       WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING *`,
      [tenantId, id],
    );
    if (!rows[0]) throw StaffErrors.notFound();
    return rows[0];
  }

  async recordLogin(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query('UPDATE persons SET last_login_at = now() WHERE tenant_id = $1 AND id = $2', [tenantId, id]);
  }

  async list(manager: EntityManager, tenantId: string, filter: PersonListFilter): Promise<PersonRow[]> {
    const conditions = ['tenant_id = $1', 'kind = $2'];
    const parameters: unknown[] = [tenantId, filter.kind];
    if (filter.status === 'deleted') conditions.push(STATUS_SQL.deleted(''));
    else if (filter.status) {
      parameters.push(filter.signInRefusedIds ?? []);
      conditions.push(STATUS_SQL[filter.status](`$${parameters.length}`));
    } else if (!filter.includeDeleted) conditions.push('deleted_at IS NULL');
    if (filter.outsideScheduleIds) {
      parameters.push(filter.outsideScheduleIds);
      conditions.push(`NOT id = ANY($${parameters.length}::uuid[])`);
    }
    const search = filter.search;
    if (search) {
      parameters.push(likePattern(search));
      const p = `$${parameters.length}`;
      // Digits of a phone match whatever its formatting, as the contacts search does.
      const digits = phoneSearchDigits(search);
      if (digits) parameters.push(`%${digits}%`);
      const phoneDigits = digits ? ` OR regexp_replace(coalesce(phone, ''), '\\D', '', 'g') LIKE $${parameters.length}` : '';
      conditions.push(
        `(last_name || ' ' || first_name || ' ' || coalesce(middle_name, '') ILIKE ${p} OR first_name || ' ' || last_name ILIKE ${p}` +
          ` OR coalesce(phone, '') ILIKE ${p} OR email ILIKE ${p}${phoneDigits})`,
      );
    }
    if (filter.after) {
      parameters.push(filter.after.key, filter.after.id);
      conditions.push(`(sort_name, id) > ($${parameters.length - 1}, $${parameters.length}::uuid)`);
    }
    parameters.push(filter.take);
    return queryRows<PersonRow>(
      manager,
      `SELECT * FROM persons WHERE ${conditions.join(' AND ')} ORDER BY sort_name, id LIMIT $${parameters.length}`,
      parameters,
    );
  }
}
