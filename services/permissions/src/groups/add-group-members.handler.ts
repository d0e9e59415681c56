import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { existingGroup } from './group.record';
import type { GroupChanged } from './group.record';
import { membershipChange } from './groups.audit';
import { GroupErrors } from './groups.errors';
import { GroupsRepository } from './groups.repository';
import { LoginBarEnforcer } from './login-bar.enforcer';
import { announceMembership } from './memberships.record';

export class AddGroupMembersCommand extends Command<GroupChanged> {
  constructor(
    readonly ctx: RequestContext,
    readonly groupId: string,
    readonly personIds: readonly string[],
  ) {
    super();
  }
}

@CommandHandler(AddGroupMembersCommand)
export class AddGroupMembersHandler implements ICommandHandler<AddGroupMembersCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
    private readonly loginBar: LoginBarEnforcer,
  ) {}

  async execute({ ctx, groupId, personIds }: AddGroupMembersCommand): Promise<GroupChanged> {
    const tenantId = ctx.tenantId;
    const ids = [...new Set(personIds)];
    const changed = await this.dataSource.transaction(async (manager) => {
      const group = await existingGroup(this.groups, manager, tenantId, groupId, true);
      const active = await this.persons.active(manager, tenantId, ids);
      const unknown = ids.filter((id) => !active.has(id));
      if (unknown.length > 0) throw GroupErrors.unknownPersons('personIds', unknown);
      const added = await this.groups.addMembers(manager, tenantId, group.id, ids);
      await announceMembership(this.events, manager, tenantId, group, added, []);
      await this.audit.record(manager, tenantId, membershipChange(group.id, added, []));
      const policy = await this.policy.bump(manager, tenantId, added, 'group.members');
      return { group: (await this.groups.find(manager, tenantId, group.id))!, policy };
    });
    if (changed.group.loginBarred) await this.loginBar.endBarredSessions(ctx, personIds);
    return changed;
  }
}
