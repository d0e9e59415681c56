import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, PersonView, RequestContext } from '@warden/contracts';
import { toStaffView } from '../people/person.mapper';
import { PersonRepository } from '../people/person.repository';
import { PresenceTracker } from '../presence/presence.tracker';
import { outlastSessionLeases } from '../sessions/session-lease';
import { SessionRepository } from '../sessions/session.repository';
import { ContactAccessErrors } from './contact-access.errors';
import { contactAccessRevoked } from './contact-access.events';

export class RevokeContactAccessCommand extends Command<PersonView> {
  constructor(
    readonly ctx: RequestContext,
    readonly contactId: string,
  ) {
    super();
  }
}

/**
 * Takes a contact's portal login away: sign-in is refused (the access flag) and every session ends
 * now. The person row stays (its id is referenced by orders, tasks and inquiries); a later grant
 * turns it back on. Revoking twice changes nothing and announces nothing.
 */
@CommandHandler(RevokeContactAccessCommand)
export class RevokeContactAccessHandler implements ICommandHandler<RevokeContactAccessCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, contactId }: RevokeContactAccessCommand): Promise<PersonView> {
    const { tenantId } = ctx;
    let ended = 0;
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await this.people.findById(manager, tenantId, contactId, { kind: 'contact', lock: true });
      if (!current) throw ContactAccessErrors.notFound();
      if (!current.access_enabled) return toStaffView(current);
      await this.people.update(manager, tenantId, contactId, { access_enabled: false });
      ended = await this.sessions.revokeAllOfPerson(manager, tenantId, contactId, 'portal-access-revoked');
      await this.presence.offline(manager, tenantId, contactId);
      const row = (await this.people.findById(manager, tenantId, contactId))!;
      await this.events.publish(contactAccessRevoked(row), manager);
      return toStaffView(row);
    });
    if (ended > 0) await outlastSessionLeases();
    return view;
  }
}
