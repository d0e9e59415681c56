import { OmitType, PartialType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { Page } from '@warden/kernel';
import type { PersonKind } from '../events/identity.events';
import type { RpcRequestContracts } from './rpc-request.contract';
import { LowerCaseIds, OptionalText, Trim, TrimLowerCase } from './request-fields';

export const SYSTEM_STATUSES = ['no_access', 'online', 'offline', 'deleted'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

/** Digits, spaces, `()-` and an optional leading `+`: how a person's phone is written (the gateway's DTOs use it too). */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{3,40}$/;
/** A tenant slug: 3-40 lowercase letters, digits or dashes, not starting or ending with a dash; used at sign-in. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
/** Staff registry pages. */
const MAX_STAFF_PAGE_SIZE = 200;

const PHONE_MESSAGE = { message: 'must be a phone number: digits, spaces, ()- and an optional leading +' };
const EMAIL_MESSAGE = { message: 'must be an email address' };

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface SignInRefusal {
  code: string;
  reason: string;
}

export interface StaffView {
  id: string;
  kind: PersonKind;
  lastName: string;
  firstName: string;
  middleName: string | null;
  fullName: string;
  phone: string | null;
  position: string | null;
  email: string;
  systemStatus: SystemStatus;
  /** Why the person cannot sign in (deleted, access off, no password, or a rule of the permissions service); null if it can. */
  signInRefusal: SignInRefusal | null;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Any person of the tenant (an employee or a portal contact); the staff registry shows employees only. */
export type PersonView = StaffView;

/** A person of the context's tenant, by id (on the staff routes: an employee). */
export class StaffRef {
  @IsUUID() personId!: string;
}

/** An employee's own fields; emails are unique per tenant case-insensitively, so they travel lower-cased. */
export class PersonFields {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) lastName!: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) firstName!: string;
  @OptionalText() @IsOptional() @IsString() @MaxLength(100) middleName?: string | null;
  @OptionalText() @IsOptional() @IsString() @Matches(PHONE_PATTERN, PHONE_MESSAGE) phone?: string | null;
  @OptionalText() @IsOptional() @IsString() @MaxLength(100) position?: string | null;
  @TrimLowerCase() @IsEmail({}, EMAIL_MESSAGE) @MaxLength(254) email!: string;
}

/** Only the fields sent change; `null` clears an optional one, the required ones cannot be cleared. */
export class PersonFieldChanges extends PartialType(PersonFields, { skipNullProperties: false }) {}

export class TenantAdministratorFields extends PersonFields {
  @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(MAX_PASSWORD_LENGTH) password!: string;
}

export class CreateTenantData {
  @Trim()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'must be 3-40 lowercase letters, digits or dashes, not starting or ending with a dash' })
  slug!: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsObject() @ValidateNested() @Type(() => TenantAdministratorFields) administrator!: TenantAdministratorFields;
}

export class CreateStaffData extends PersonFields {
  /** Grants login access with this password; without it the employee is `no_access`. */
  @IsOptional() @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(MAX_PASSWORD_LENGTH) password?: string;
  @IsArray() @ArrayUnique() @ArrayMaxSize(50) @IsUUID('all', { each: true }) groupIds!: string[];
}

/** `{ enabled: true, password }` grants access, `{ enabled: false }` takes it away. */
export class StaffAccessChange {
  @IsBoolean() enabled!: boolean;
  @IsOptional() @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(MAX_PASSWORD_LENGTH) password?: string;
}

export class UpdateStaffData extends StaffRef {
  @IsObject() @ValidateNested() @Type(() => PersonFieldChanges) changes!: PersonFieldChanges;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => StaffAccessChange) access?: StaffAccessChange;
}

export class ListStaffData {
  @IsOptional() @IsIn(SYSTEM_STATUSES) status?: SystemStatus;
  /** People the permissions service refuses at sign-in: `no_access` whatever their access flag says. */
  @IsOptional() @IsArray() @IsUUID('all', { each: true }) signInRefusedIds?: string[];
  /** Only people inside their work schedule at this instant (ISO 8601); no schedule counts as inside. */
  @IsOptional() @IsISO8601({ strict: true }) workingAt?: string;
  @IsOptional() @Trim() @IsString() @MaxLength(100) search?: string;
  @IsOptional() @IsBoolean() includeDeleted?: boolean;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @IsInt() @Min(1) @Max(MAX_STAFF_PAGE_SIZE) limit!: number;
}

/** A contact's portal login, by the contact id (which is its person id). */
export class ContactLoginRef {
  @IsUUID() @LowerCaseIds() contactId!: string;
}

/**
 * A directory contact's portal login. `contactId` becomes the person id, so a contact has one id in
 * every service (order client, task participant, inquiry author). The person fields are the contact card's,
 * whose limits are the directory's (services/gateway/src/directory/dto/contact.request.dto.ts).
 */
export class GrantContactAccessData extends ContactLoginRef {
  @TrimLowerCase() @IsEmail({}, EMAIL_MESSAGE) @MaxLength(320) email!: string;
  @Trim() @IsString() @IsNotEmpty() @MaxLength(100) lastName!: string;
  /** May be empty: contacts created from a one-word message signature have no first name. */
  @Trim() @IsString() @MaxLength(100) firstName!: string;
  @OptionalText() @IsOptional() @IsString() @MaxLength(100) middleName?: string | null;
  /** As the contact card has it: free text, not the staff phone pattern. */
  @OptionalText() @IsOptional() @IsString() @MaxLength(50) phone?: string | null;
  @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(MAX_PASSWORD_LENGTH) password!: string;
}

/** A contact login's person fields, as the directory's contact card now has them. */
export class UpdateContactLoginData extends OmitType(GrantContactAccessData, ['password'] as const) {}

export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
}

/** The claims of an access token, as the gateway reads them. */
export interface AccessTokenClaims {
  sub: string;
  tid: string;
  /** Tenant slug, for display only. */
  tsl: string;
  kind: PersonKind;
  /** The session family, revoked as a whole on logout or refresh-token reuse. */
  sid: string;
}

/** A session as a gateway knows it from a verified access token. */
export class SessionRef {
  @IsUUID() tenantId!: string;
  @IsUUID() personId!: string;
  @IsUUID() sessionId!: string;
}

/** A session of the context's tenant (the signed-in caller's own). */
export class SessionIdRef {
  @IsUUID() sessionId!: string;
}

/** At most this many sessions in one check (services/gateway/src/auth/live-session.check.ts sends 500 at a time). */
const MAX_SESSIONS_PER_CHECK = 1000;

export class CheckSessionsData {
  @IsArray() @ArrayMaxSize(MAX_SESSIONS_PER_CHECK) @ValidateNested({ each: true }) @Type(() => SessionRef) sessions!: SessionRef[];
}

/** At most this many people in one call (the members of one group). */
const MAX_PEOPLE_PER_SESSION_END = 10_000;

export class EndPeopleSessionsData {
  @IsArray() @ArrayMaxSize(MAX_PEOPLE_PER_SESSION_END) @IsUUID('all', { each: true }) @LowerCaseIds() personIds!: string[];
  @IsIn(['login-barred']) reason!: 'login-barred';
}

/** Sign-in: the tenant's slug and the email are matched case-insensitively. */
export class LoginData {
  @TrimLowerCase() @IsString() @IsNotEmpty() @MaxLength(40) tenant!: string;
  @TrimLowerCase() @IsString() @IsNotEmpty() @MaxLength(254) email!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD_LENGTH) password!: string;
}

export class RefreshData {
  @IsString() @IsNotEmpty() @MaxLength(200) refreshToken!: string;
}

export interface IdentityRpc {
  'identity.tenants.create': { request: CreateTenantData; response: { tenant: TenantView; administrator: StaffView } };
  'identity.staff.list': { request: ListStaffData; response: Page<StaffView> };
  'identity.staff.get': { request: StaffRef; response: StaffView };
  'identity.staff.create': { request: CreateStaffData; response: StaffView };
  'identity.staff.update': { request: UpdateStaffData; response: StaffView };
  'identity.staff.delete': { request: StaffRef; response: StaffView };
  /** Any kind of person (for /me); 404 PERSON.NOT_FOUND for an unknown id or another tenant's. */
  'identity.people.get': { request: StaffRef; response: PersonView };
  /**
   * Idempotent on contactId: creates the `contact` person, or updates its fields, sets the new password
   * and re-enables access. 409 CONTACT_ACCESS.EMAIL_TAKEN when another person of the tenant has the email.
   */
  'identity.contacts.grant-access': { request: GrantContactAccessData; response: PersonView };
  /** 404 when the contact has no login; 409 when another person of the tenant signs in with the email. */
  'identity.contacts.update-login': { request: UpdateContactLoginData; response: PersonView };
  /** Login refused and sessions ended; repeating it changes nothing. 404 when the contact never had a login. */
  'identity.contacts.revoke-access': { request: ContactLoginRef; response: PersonView };
  'identity.auth.login': { request: LoginData; response: TokenPair };
  'identity.auth.refresh': { request: RefreshData; response: TokenPair };
  'identity.auth.logout': { request: SessionIdRef; response: { loggedOut: true } };
  'identity.presence.heartbeat': { request: SessionIdRef; response: { presence: 'online' } };
  /**
   * Which of these sessions are still live (not ended, not expired), read from the committed state: asked by the
   * gateway for authenticated requests, so an ended session is refused on the first request after the answer that
   * ended it. Sessions of any tenants in one call (the context's tenant is not used); ids not answered are ended.
   * `leaseMs`: how long after sending the check the gateway may take the live ones as live without asking again;
   * identity holds back every answer that ends sessions that long after its commit.
   */
  'identity.sessions.check': { request: CheckSessionsData; response: { live: string[]; leaseMs: number } };
  /**
   * Ends every live session of these people of the context's tenant (the permissions service, when they are barred
   * from login); answers once no gateway can still take those sessions as live. `ended`: how many it ended now.
   */
  'identity.sessions.end-for-people': { request: EndPeopleSessionsData; response: { ended: number } };
}

export const IDENTITY_RPC_REQUESTS: RpcRequestContracts<IdentityRpc> = {
  'identity.tenants.create': CreateTenantData,
  'identity.staff.list': ListStaffData,
  'identity.staff.get': StaffRef,
  'identity.staff.create': CreateStaffData,
  'identity.staff.update': UpdateStaffData,
  'identity.staff.delete': StaffRef,
  'identity.people.get': StaffRef,
  'identity.contacts.grant-access': GrantContactAccessData,
  'identity.contacts.update-login': UpdateContactLoginData,
  'identity.contacts.revoke-access': ContactLoginRef,
  'identity.auth.login': LoginData,
  'identity.auth.refresh': RefreshData,
  'identity.auth.logout': SessionIdRef,
  'identity.presence.heartbeat': SessionIdRef,
  'identity.sessions.check': CheckSessionsData,
  'identity.sessions.end-for-people': EndPeopleSessionsData,
};
