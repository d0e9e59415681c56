import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { PersonKind, RequestContext } from '@warden/contracts';
import { PeopleRepository } from './people.repository';

export interface PersonRef {
  /** An id from a request (its class checked and lower-cased it) or from this service's own records. */
  personId: string;
  /** The request field that named the person, for the 422 (e.g. `participants.2.personId`). */
  field: string;
}

const unknownPerson = (field: string): DomainError =>
  DomainError.invalid('PERSON.UNKNOWN', field, 'is not an employee or contact of this tenant');

/**
 * "Is this id a person of this tenant, and of which kind?" — answered from the people read model
 * (identity's events). An id the read model has not heard of may be newer than the last event
 * consumed (an employee created a moment ago), so identity is asked once (`identity.staff.get`,
 * employees only), then the directory (`directory.contacts.get`) before refusing; the answer is kept.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly bus: BusClient,
  ) {}

  /** The kind of every referenced person; throws 422 naming the first field whose person is not active here. */
  async kinds(ctx: RequestContext, refs: readonly PersonRef[]): Promise<Map<string, PersonKind>> {
    const ids = [...new Set(refs.map((ref) => ref.personId))];
    const known = await this.people.find(this.dataSource.manager, ctx.tenantId, ids);
    const result = new Map<string, PersonKind>();
    for (const ref of refs) {
      const id = ref.personId;
      let person = known.get(id);
      if (!person) {
        const kind = await this.askIdentity(ctx, id);
        if (kind) person = { personId: id, kind, deleted: false };
      }
      if (!person || person.deleted) throw unknownPerson(ref.field);
      result.set(id, person.kind);
    }
    return result;
  }

  private async askIdentity(ctx: RequestContext, personId: string): Promise<PersonKind | null> {
    return (await this.askStaff(ctx, personId)) ?? (await this.askDirectory(ctx, personId));
  }

  private async askDirectory(ctx: RequestContext, contactId: string): Promise<PersonKind | null> {
    try {
      const contact = await this.bus.request('directory.contacts.get', ctx, { contactId });
      await this.people.upsert(this.dataSource.manager, {
        tenantId: ctx.tenantId,
        personId: contact.id,
        kind: 'contact',
        deletedAt: null,
        sourceTime: new Date(contact.updatedAt),
      });
      return 'contact';
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'validation')) return null;
      throw error;
    }
  }

  private async askStaff(ctx: RequestContext, personId: string): Promise<PersonKind | null> {
    try {
      const staff = await this.bus.request('identity.staff.get', ctx, { personId });
      await this.people.upsert(this.dataSource.manager, {
        tenantId: ctx.tenantId,
        personId: staff.id,
        kind: staff.kind,
        deletedAt: staff.deletedAt ? new Date(staff.deletedAt) : null,
        sourceTime: new Date(staff.updatedAt),
      });
      return staff.deletedAt === null ? staff.kind : null;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }
}
