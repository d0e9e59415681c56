import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS } from '@warden/contracts';
import type { NotificationKind } from '@warden/contracts';

/** Whose notifications a link turns off: a contact's flag altogether, or one kind for an employee. */
export interface UnsubscribeTarget {
  tenantId: string;
  personId: string;
  /** `all` for a contact (its notifications flag); the kind for an employee (its own setting). */
  scope: 'all' | NotificationKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The token of an unsubscribe link: `<payload>.<HMAC-SHA256 of it>`, both base64url. It names a person, not an
 * email, so it keeps working after the email changes; it does not expire, as a link in an old email must still work.
 */
export class UnsubscribeToken {
  constructor(private readonly secret: string) {}

  sign(target: UnsubscribeTarget): string {
    const payload = Buffer.from([target.tenantId, target.personId, target.scope].join(':'), 'utf8').toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The target of a well-signed token, or null for anything else. */
  verify(token: string): UnsubscribeTarget | null {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [tenantId, personId, scope, ...extra] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
    if (extra.length > 0 || !tenantId || !personId || !UUID.test(tenantId) || !UUID.test(personId)) return null;
    if (scope !== 'all' && !NOTIFICATION_KINDS.includes(scope as NotificationKind)) return null;
    return { tenantId, personId, scope: scope as UnsubscribeTarget['scope'] };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`warden-unsubscribe:${payload}`).digest('base64url');
  }
}
