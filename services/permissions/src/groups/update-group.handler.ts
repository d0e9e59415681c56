import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { RIGHT_NAMES } from '@warden/contracts';
import type { RequestContext, UpdateGroupData } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';
import { rightSet } from './group-input';
import { existingGroup } from './group.record';
import type { GroupChanged } from './group.record';
import { groupValues } from './groups.audit';
import { GroupErrors } from './groups.errors';
import { GroupsRepository } from './groups.repository';
import { LoginBarEnforcer } from './login-bar.enforcer';

export class UpdateGroupCommand extends Command<GroupChanged> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: UpdateGroupData,
  ) {
    super();
  }
}

@CommandHandler(UpdateGroupCommand)
export class UpdateGroupHandler implements ICommandHandler<UpdateGroupCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly policy: PolicyVersions,
    private readonly audit: AuditRecorder,
    private readonly loginBar: LoginBarEnforcer,
  ) {}

  async execute({ ctx, input }: UpdateGroupCommand): Promise<GroupChanged> {
    const tenantId = ctx.tenantId;
    const rights = input.rights === undefined ? undefined : rightSet(input.rights);
    const changed = await this.dataSource.transaction(async (manager) => {
      const group = await existingGroup(this.groups, manager, tenantId, input.groupId, true);
      if (group.systemKey === 'administrator') {
        if (rights && rights.join() !== [...RIGHT_NAMES].sort().join()) {
          throw GroupErrors.systemRightsFixed('rights');
        }
        if (input.loginBarred === true) throw GroupErrors.systemRightsFixed('loginBarred');
      }
      await this.groups.update(manager, tenantId, group.id, {
        name: input.name,
        rights: group.systemKey === 'administrator' ? undefined : rights,
        loginBarred: input.loginBarred,
      });
      const members = await this.groups.memberIds(manager, tenantId, group.id);
      const policy = await this.policy.bump(manager, tenantId, members, 'group.updated');
      const updated = (await this.groups.find(manager, tenantId, group.id))!;
      await this.audit.record(manager, tenantId, {
        action: 'group.updated',
        resource: { type: 'group', id: group.id },
        before: groupValues(group),
        after: groupValues(updated),
      });
      return { group: updated, policy };
    });
    await this.loginBar.afterGroupChange(ctx, changed.group);
    return changed;
  }
}
