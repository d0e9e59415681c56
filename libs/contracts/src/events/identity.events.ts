import { IsArray, IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const PERSON_KINDS = ['employee', 'contact'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export class TenantCreatedV1 {
  static readonly type = 'identity.tenant.created.v1';
  @IsUUID() tenantId!: string;
  @IsString() slug!: string;
  @IsString() name!: string;
  @IsUUID() administratorId!: string;
}

/** A full snapshot of a person as identity knows it; consumers keep what they need. */
export class PersonSnapshotV1 {
  @IsUUID() personId!: string;
  @IsIn(PERSON_KINDS) kind!: PersonKind;
  @IsEmail() email!: string;
  @IsString() @MaxLength(100) lastName!: string;
  @IsString() @MaxLength(100) firstName!: string;
  @IsOptional() @IsString() middleName!: string | null;
  @IsOptional() @IsString() phone!: string | null;
  @IsOptional() @IsString() position!: string | null;
  @IsBoolean() hasAccess!: boolean;
}

export class EmployeeCreatedV1 extends PersonSnapshotV1 {
  static readonly type = 'identity.employee.created.v1';
  /** Groups asked for at creation; the permissions service makes the memberships. */
  @IsArray() @IsUUID('all', { each: true }) groupIds!: string[];
}

export class EmployeeUpdatedV1 extends PersonSnapshotV1 {
  static readonly type = 'identity.employee.updated.v1';
}

export class EmployeeDeletedV1 {
  static readonly type = 'identity.employee.deleted.v1';
  @IsUUID() personId!: string;
  @IsISO8601() deletedAt!: string;
}

/**
 * A directory contact got (or got back) its client-portal login: identity holds a person of kind
 * `contact` whose id is the directory contact id. Permissions puts it in the tenant's Client group.
 * A repeated grant (a new password, access re-enabled) is announced again; consumers are idempotent.
 */
export class ContactAccessGrantedV1 extends PersonSnapshotV1 {
  static readonly type = 'identity.contact.access-granted.v1';
}

/** The contact's portal login was taken away: sign-in is refused and its sessions have ended. */
export class ContactAccessRevokedV1 extends PersonSnapshotV1 {
  static readonly type = 'identity.contact.access-revoked.v1';
}

export class PresenceChangedV1 {
  static readonly type = 'identity.presence.changed.v1';
  @IsUUID() personId!: string;
  @IsIn(['online', 'offline']) presence!: 'online' | 'offline';
  @IsISO8601() at!: string;
}
