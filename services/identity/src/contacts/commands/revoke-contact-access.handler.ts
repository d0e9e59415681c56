import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@warden/messaging';
import type { PersonView } from '@warden/contracts';
import { toStaffView } from '../../people/person.mapper';
import { PersonRepository } from '../../people/person.repository';
import { PresenceTracker } from '../../presence/presence.tracker';
import { outlastSessionLeases } from '../../sessions/session-lease';
import { SessionRepository } from '../../sessions/session.repository';
import { ContactAccessErrors } from '../contact-access.errors';
import { contactAccessRevoked } from '../contact-access.events';

/**
 * Takes a contact's portal login away: sign-in is refused (the access flag) and every session ends
 * now. The person row stays (its id is referenced by orders, tasks and inquiries); a later grant
 * turns it back on. Revoking twice changes nothing and announces nothing.
 */
@Injectable()
export class RevokeContactAccessHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(tenantId: string, contactId: string): Promise<PersonView> {
    let ended = 0;
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await this.people.findById(manager, tenantId, contactId, { kind: 'contact', lock: true });
      if (!current) throw ContactAccessErrors.notFound();
      if (!current.access_enabled) return toStaffView(current);
      await this.people.update(manager, tenantId, contactId, { access_enabled: false });
      ended = await this.sessions.revokeAllOfPerson(manager, tenantId, contactId, 'portal-access-revoked');
      await this.presence.offline(manager, tenantId, contactId);
      const row = (await this.people.findById(manager, tenantId, contactId))!;
      await this.outbox.add(manager, contactAccessRevoked(row));
      return toStaffView(row);
    });
    if (ended > 0) await outlastSessionLeases();
    return view;
  }
}
