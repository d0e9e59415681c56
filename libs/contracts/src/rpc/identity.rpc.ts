import type { Page } from '@warden/kernel';
import type { PersonKind } from '../events/identity.events';

export const SYSTEM_STATUSES = ['no_access', 'online', 'offline', 'deleted'] as const;
export type SystemStatus = (typeof SYSTEM_STATUSES)[number];

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

export interface PersonFields {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  phone?: string | null;
  position?: string | null;
  email: string;
}

export interface CreateTenantData {
  slug: string;
  name: string;
  administrator: PersonFields & { password: string };
}

export interface CreateStaffData extends PersonFields {
  /** Grants login access with this password; without it the employee is `no_access`. */
  password?: string;
  groupIds: string[];
}

export interface UpdateStaffData {
  personId: string;
  changes: Partial<PersonFields>;
  /** `{ enabled: true, password }` grants access, `{ enabled: false }` takes it away. */
  access?: { enabled: boolean; password?: string };
}

export interface ListStaffData {
  status?: SystemStatus;
  /** People the permissions service refuses at sign-in: `no_access` whatever their access flag says. */
  signInRefusedIds?: string[];
  /** Only people inside their work schedule at this instant (ISO 8601); no schedule counts as inside. */
  workingAt?: string;
  search?: string;
  includeDeleted?: boolean;
  cursor?: string;
  limit: number;
}

/**
 * A directory contact's portal login. `contactId` becomes the person id, so a contact has one id in
 * every service (order client, task participant, inquiry author).
 */
export interface GrantContactAccessData {
  contactId: string;
  email: string;
  lastName: string;
  /** May be empty: contacts created from a one-word message signature have no first name. */
  firstName: string;
  middleName?: string | null;
  phone?: string | null;
  password: string;
}

/** A contact login's person fields, as the directory's contact card now has them. */
export type UpdateContactLoginData = Omit<GrantContactAccessData, 'password'>;

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
export interface SessionRef {
  tenantId: string;
  personId: string;
  sessionId: string;
}

export interface IdentityRpc {
  'identity.tenants.create': { request: CreateTenantData; response: { tenant: TenantView; administrator: StaffView } };
  'identity.staff.list': { request: ListStaffData; response: Page<StaffView> };
  'identity.staff.get': { request: { personId: string }; response: StaffView };
  'identity.staff.create': { request: CreateStaffData; response: StaffView };
  'identity.staff.update': { request: UpdateStaffData; response: StaffView };
  'identity.staff.delete': { request: { personId: string }; response: StaffView };
  /** Any kind of person (for /me); 404 PERSON.NOT_FOUND for an unknown id or another tenant's. */
  'identity.people.get': { request: { personId: string }; response: PersonView };
  /**
   * Idempotent on contactId: creates the `contact` person, or updates its fields, sets the new password
   * and re-enables access. 409 CONTACT_ACCESS.EMAIL_TAKEN when another person of the tenant has the email.
   */
  'identity.contacts.grant-access': { request: GrantContactAccessData; response: PersonView };
  /** 404 when the contact has no login; 409 when another person of the tenant signs in with the email. */
  'identity.contacts.update-login': { request: UpdateContactLoginData; response: PersonView };
  /** Login refused and sessions ended; repeating it changes nothing. 404 when the contact never had a login. */
  'identity.contacts.revoke-access': { request: { contactId: string }; response: PersonView };
  'identity.auth.login': { request: { tenant: string; email: string; password: string }; response: TokenPair };
  'identity.auth.refresh': { request: { refreshToken: string }; response: TokenPair };
  'identity.auth.logout': { request: { sessionId: string }; response: { loggedOut: true } };
  'identity.presence.heartbeat': { request: { sessionId: string }; response: { presence: 'online' } };
  /**
   * Which of these sessions are still live (not ended, not expired), read from the committed state: asked by the
   * gateway for authenticated requests, so an ended session is refused on the first request after the answer that
   * ended it. Sessions of any tenants in one call (the context's tenant is not used); ids not answered are ended.
   * `leaseMs`: how long after sending the check the gateway may take the live ones as live without asking again;
   * identity holds back every answer that ends sessions that long after its commit.
   */
  'identity.sessions.check': { request: { sessions: SessionRef[] }; response: { live: string[]; leaseMs: number } };
  /**
   * Ends every live session of these people of the context's tenant (the permissions service, when they are barred
   * from login); answers once no gateway can still take those sessions as live. `ended`: how many it ended now.
   */
  'identity.sessions.end-for-people': { request: { personIds: string[]; reason: 'login-barred' }; response: { ended: number } };
}
