import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';
import { existingGroup } from './group.record';
import type { GroupChanged } from './group.record';
import { membershipChange } from './groups.audit';
import { GroupErrors } from './groups.errors';
import { GroupsRepository } from './groups.repository';
import { announceMembership } from './memberships.record';

export class RemoveGroupMembersCommand extends Command<GroupChanged> {
  constructor(
    readonly ctx: RequestContext,
    readonly groupId: string,
    readonly personIds: readonly string[],
  ) {
    super();
  }
}

@CommandHandler(RemoveGroupMembersCommand)
export class RemoveGroupMembersHandler implements ICommandHandler<RemoveGroupMembersCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly policy: PolicyVersions,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  execute({ ctx, groupId, personIds }: RemoveGroupMembersCommand): Promise<GroupChanged> {
    const tenantId = ctx.tenantId;
    const ids = [...new Set(personIds)];
    return this.dataSource.transaction(async (manager) => {
      const group = await existingGroup(this.groups, manager, tenantId, groupId, true);
      if (group.systemKey === 'administrator' && (await this.groups.countActiveMembers(manager, tenantId, group.id, ids)) === 0) {
        throw GroupErrors.lastAdministrator();
      }
      const removed = await this.groups.removeMembers(manager, tenantId, group.id, ids);
      await announceMembership(this.events, manager, tenantId, group, [], removed);
      await this.audit.record(manager, tenantId, membershipChange(group.id, [], removed));
      const policy = await this.policy.bump(manager, tenantId, removed, 'group.members');
      return { group: (await this.groups.find(manager, tenantId, group.id))!, policy };
    });
  }
}
