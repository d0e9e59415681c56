import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { GroupInput, RequestContext } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';
import { rightSet } from './group-input';
import type { GroupChanged } from './group.record';
import { groupValues } from './groups.audit';
import { GroupsRepository } from './groups.repository';

export class CreateGroupCommand extends Command<GroupChanged> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: GroupInput,
  ) {
    super();
  }
}

@CommandHandler(CreateGroupCommand)
export class CreateGroupHandler implements ICommandHandler<CreateGroupCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly policy: PolicyVersions,
    private readonly audit: AuditRecorder,
  ) {}

  execute({ ctx, input }: CreateGroupCommand): Promise<GroupChanged> {
    const tenantId = ctx.tenantId;
    const rights = rightSet(input.rights);
    return this.dataSource.transaction(async (manager) => {
      const id = newId();
      const loginBarred = input.loginBarred ?? false;
      await this.groups.insert(manager, tenantId, { id, name: input.name, systemKey: null, rights, loginBarred });
      // Nobody is in a new group yet, so no cached decision changes; the version still records the change.
      const policy = await this.policy.bump(manager, tenantId, [], 'group.created');
      const group = (await this.groups.find(manager, tenantId, id))!;
      await this.audit.record(manager, tenantId, {
        action: 'group.created',
        resource: { type: 'group', id },
        before: null,
        after: groupValues(group),
      });
      return { group, policy };
    });
  }
}
