import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '@warden/messaging';
import type { OutgoingEvent, RequestContext, StaffView } from '@warden/contracts';
import { StaffErrors } from '../people/person.errors';
import { toStaffView } from '../people/person.mapper';
import { PersonRepository } from '../people/person.repository';
import { presenceChanged } from '../presence/presence.events';
import { outlastSessionLeases } from '../sessions/session-lease';
import { SessionRepository } from '../sessions/session.repository';
import { employeeDeleted } from './staff.events';

export class DeleteStaffCommand extends Command<StaffView> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
  ) {
    super();
  }
}

/** Soft delete: the row and its history stay; sign-in and every session end now. */
@CommandHandler(DeleteStaffCommand)
export class DeleteStaffHandler implements ICommandHandler<DeleteStaffCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, personId }: DeleteStaffCommand): Promise<StaffView> {
    const { tenantId } = ctx;
    let ended = 0;
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await this.people.findById(manager, tenantId, personId, { kind: 'employee', lock: true });
      if (!current) throw StaffErrors.notFound();
      // Deleting twice answers the same deleted view and changes nothing.
      if (current.deleted_at) return toStaffView(current);
      const row = await this.people.softDelete(manager, tenantId, personId);
      ended = await this.sessions.revokeAllOfPerson(manager, tenantId, personId, 'deleted');
      await this.events.publish(employeeDeleted(row), manager);
      await this.audit.record(manager, tenantId, {
        action: 'staff.deleted',
        resource: { type: 'person', id: personId },
        before: { deleted: false },
        after: { deleted: true },
      });
      if (current.presence === 'online') {
        await this.events.publish(presenceChanged(tenantId, personId, 'offline', new Date().toISOString()), manager);
      }
      return toStaffView(row);
    });
    if (ended > 0) await outlastSessionLeases();
    return view;
  }
}
