import type { PersonSnapshotV1, SignInRefusal, StaffView, SystemStatus } from '@warden/contracts';
import type { PersonRow } from './person.row';

export function hasAccess(row: Pick<PersonRow, 'access_enabled' | 'password_hash'>): boolean {
  return row.access_enabled && row.password_hash !== null;
}

/** The system status is derived, never stored, so it cannot disagree with the facts it sums up. */
export function systemStatusOf(row: Pick<PersonRow, 'deleted_at' | 'access_enabled' | 'password_hash' | 'presence'>): SystemStatus {
  if (row.deleted_at) return 'deleted';
  if (!hasAccess(row)) return 'no_access';
  return row.presence === 'online' ? 'online' : 'offline';
}

/** The reasons identity itself knows; the permissions service's (login bars, rights) are added by the gateway. */
export function signInRefusalOf(row: Pick<PersonRow, 'deleted_at' | 'access_enabled' | 'password_hash'>): SignInRefusal | null {
  if (row.deleted_at) return { code: 'STAFF.DELETED', reason: 'The person is deleted' };
  if (row.password_hash === null) return { code: 'STAFF.NO_PASSWORD', reason: 'The person has no password: login access was never given' };
  if (!row.access_enabled) return { code: 'STAFF.ACCESS_DISABLED', reason: 'Login access is turned off for the person' };
  return null;
}

export function fullNameOf(row: Pick<PersonRow, 'last_name' | 'first_name' | 'middle_name'>): string {
  return [row.last_name, row.first_name, row.middle_name].filter((part) => part).join(' ');
}

export function toStaffView(row: PersonRow): StaffView {
  return {
    id: row.id,
    kind: row.kind,
    lastName: row.last_name,
    firstName: row.first_name,
    middleName: row.middle_name,
    fullName: fullNameOf(row),
    phone: row.phone,
    position: row.position,
    email: row.email,
    systemStatus: systemStatusOf(row),
    signInRefusal: signInRefusalOf(row),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

export function toSnapshot(row: PersonRow): PersonSnapshotV1 {
  return {
    personId: row.id,
    kind: row.kind,
    email: row.email,
    lastName: row.last_name,
    firstName: row.first_name,
    middleName: row.middle_name,
    phone: row.phone,
    position: row.position,
    hasAccess: hasAccess(row),
  };
}
