import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupMembershipChangedV1 } from '@warden/contracts';
import { OutboxWriter } from '@warden/messaging';

/** Announces who joined or left a group, in the transaction that changed it. */
@Injectable()
export class MembershipEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  async record(
    manager: EntityManager,
    tenantId: string,
    group: { id: string; name: string },
    added: readonly string[],
    removed: readonly string[],
  ): Promise<void> {
    if (added.length === 0 && removed.length === 0) return;
    const data: GroupMembershipChangedV1 = Object.assign(new GroupMembershipChangedV1(), {
      groupId: group.id,
      groupName: group.name,
      addedPersonIds: [...added],
      removedPersonIds: [...removed],
    });
    await this.outbox.add(manager, { contract: GroupMembershipChangedV1, tenantId, subject: group.id, data });
  }
}
