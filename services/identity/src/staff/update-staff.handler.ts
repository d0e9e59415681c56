import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '@warden/messaging';
import type { OutgoingEvent, RequestContext, StaffView, UpdateStaffData } from '@warden/contracts';
import { StaffErrors } from '../people/person.errors';
import { personChanges } from '../people/person.fields';
import { hasAccess, toStaffView } from '../people/person.mapper';
import { PasswordHasher } from '../people/password.hasher';
import { PersonRepository } from '../people/person.repository';
import type { PersonChanges } from '../people/person.repository';
import { PresenceTracker } from '../presence/presence.tracker';
import { outlastSessionLeases } from '../sessions/session-lease';
import { SessionRepository } from '../sessions/session.repository';
import { employeeUpdated } from './staff.events';

export class UpdateStaffCommand extends Command<StaffView> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
    readonly changes: UpdateStaffData['changes'],
    readonly access: UpdateStaffData['access'],
  ) {
    super();
  }
}

/** Changes an employee's fields and login access; taking access away ends the person's sessions. */
@CommandHandler(UpdateStaffCommand)
export class UpdateStaffHandler implements ICommandHandler<UpdateStaffCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
    private readonly hasher: PasswordHasher,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, personId, changes: requested, access }: UpdateStaffCommand): Promise<StaffView> {
    const { tenantId } = ctx;
    const changes: PersonChanges = personChanges(requested);
    const passwordHash = access?.password !== undefined ? await this.hasher.hash(access.password) : undefined;
    let ended = 0;
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await this.people.findById(manager, tenantId, personId, { kind: 'employee', lock: true });
      if (!current) throw StaffErrors.notFound();
      if (current.deleted_at) throw StaffErrors.deleted();
      if (access) {
        if (access.enabled && !passwordHash && !current.password_hash) throw StaffErrors.passwordRequired('access.password');
        changes.access_enabled = access.enabled;
        if (passwordHash) changes.password_hash = passwordHash;
      }
      const row = await this.people.update(manager, tenantId, personId, changes);
      if (hasAccess(current) && !hasAccess(row)) {
        ended = await this.sessions.revokeAllOfPerson(manager, tenantId, row.id, 'access-removed');
        await this.presence.offline(manager, tenantId, row.id);
      }
      const fresh = (await this.people.findById(manager, tenantId, row.id))!;
      await this.events.publish(employeeUpdated(fresh), manager);
      const fieldsOf = (person: typeof current) => ({
        lastName: person.last_name,
        firstName: person.first_name,
        middleName: person.middle_name,
        phone: person.phone,
        position: person.position,
        email: person.email,
      });
      await this.audit.record(manager, tenantId, {
        action: 'staff.updated',
        resource: { type: 'person', id: row.id },
        before: fieldsOf(current),
        after: fieldsOf(fresh),
      });
      const accessOf = (person: typeof current) => ({ accessEnabled: person.access_enabled });
      await this.audit.record(manager, tenantId, {
        action: 'staff.access.updated',
        resource: { type: 'person', id: row.id },
        before: accessOf(current),
        after: accessOf(fresh),
      });
      return toStaffView(fresh);
    });
    if (ended > 0) await outlastSessionLeases();
    return view;
  }
}
