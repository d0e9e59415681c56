import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRecorder, OutboxWriter } from '@warden/messaging';
import { PresenceChangedV1 } from '@warden/contracts';
import type { StaffView } from '@warden/contracts';
import { StaffErrors } from '../../people/person.errors';
import { toStaffView } from '../../people/person.mapper';
import { PersonRepository } from '../../people/person.repository';
import { outlastSessionLeases } from '../../sessions/session-lease';
import { SessionRepository } from '../../sessions/session.repository';
import { employeeDeleted } from '../staff.events';

/** Soft delete: the row and its history stay; sign-in and every session end now. */
@Injectable()
export class DeleteStaffHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditRecorder,
  ) {}

  async execute(tenantId: string, personId: string): Promise<StaffView> {
    let ended = 0;
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await this.people.findById(manager, tenantId, personId, { kind: 'employee', lock: true });
      if (!current) throw StaffErrors.notFound();
      // Deleting twice answers the same deleted view and changes nothing.
      if (current.deleted_at) return toStaffView(current);
      const row = await this.people.softDelete(manager, tenantId, personId);
      ended = await this.sessions.revokeAllOfPerson(manager, tenantId, personId, 'deleted');
      await this.outbox.add(manager, employeeDeleted(row));
      await this.audit.record(manager, tenantId, { action: 'staff.deleted', resource: { type: 'person', id: personId }, before: { deleted: false }, after: { deleted: true } });
      if (current.presence === 'online') {
        await this.outbox.add(manager, {
          contract: PresenceChangedV1,
          tenantId,
          subject: personId,
          data: { personId, presence: 'offline', at: new Date().toISOString() },
        });
      }
      return toStaffView(row);
    });
    if (ended > 0) await outlastSessionLeases();
    return view;
  }
}
