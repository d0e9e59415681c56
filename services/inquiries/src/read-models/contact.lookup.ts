import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { ChatErrors } from '../shared/chat.errors';
import { ReadModelRepository } from './read-model.repository';
import type { ContactRecord } from './read-model.repository';

/**
 * A contact from the read model; when directory's event has not arrived yet (a contact created a
 * moment ago), asked from directory once and recorded, so a client's first inquiry never waits for
 * the event stream.
 */
@Injectable()
export class ContactLookup {
  constructor(
    private readonly readModels: ReadModelRepository,
    private readonly bus: BusClient,
  ) {}

  /** The contact, or null when directory does not know it either. */
  async find(manager: EntityManager, ctx: RequestContext, contactId: string): Promise<ContactRecord | null> {
    try {
      return await this.require(manager, ctx, contactId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONTACT.UNKNOWN') return null;
      throw error;
    }
  }

  async require(manager: EntityManager, ctx: RequestContext, contactId: string, field = 'contactId'): Promise<ContactRecord> {
    const known = await this.readModels.contact(manager, ctx.tenantId, contactId);
    if (known) return known;
    try {
      const view = await this.bus.request('directory.contacts.get', ctx, { contactId });
      const record: ContactRecord = {
        contactId: view.id,
        fullName: view.fullName,
        responsibleEmployeeId: view.responsibleEmployeeId,
        branchId: view.branchId,
        portalPersonId: view.portalPersonId,
      };
      await this.readModels.upsertContact(manager, ctx.tenantId, record, view.updatedAt);
      return record;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') throw ChatErrors.unknownContact(field);
      throw error;
    }
  }
}
