import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { AddGroupMembersCommand } from './add-group-members.handler';
import { CreateGroupCommand } from './create-group.handler';
import { GetGroupQuery } from './get-group.handler';
import { GetMembershipsQuery } from './get-memberships.handler';
import { ListGroupsQuery } from './list-groups.handler';
import { RemoveGroupMembersCommand } from './remove-group-members.handler';
import { SetMembershipsCommand } from './set-memberships.handler';
import { UpdateGroupCommand } from './update-group.handler';

type Answer<K extends Parameters<typeof RpcHandler>[0]> = Promise<RpcResponse<K>>;

/** The group and membership RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class GroupsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('permissions.groups.list')
  list(@Payload() message: RpcMessage<'permissions.groups.list'>): Answer<'permissions.groups.list'> {
    return this.queries.execute(new ListGroupsQuery(message.ctx.tenantId));
  }

  @RpcHandler('permissions.groups.get')
  get(@Payload() message: RpcMessage<'permissions.groups.get'>): Answer<'permissions.groups.get'> {
    return this.queries.execute(new GetGroupQuery(message.ctx.tenantId, message.data.groupId));
  }

  @RpcHandler('permissions.groups.create')
  create(@Payload() message: RpcMessage<'permissions.groups.create'>): Answer<'permissions.groups.create'> {
    return this.commands.execute(new CreateGroupCommand(message.ctx, message.data));
  }

  @RpcHandler('permissions.groups.update')
  update(@Payload() message: RpcMessage<'permissions.groups.update'>): Answer<'permissions.groups.update'> {
    return this.commands.execute(new UpdateGroupCommand(message.ctx, message.data));
  }

  @RpcHandler('permissions.groups.members.add')
  addMembers(@Payload() message: RpcMessage<'permissions.groups.members.add'>): Answer<'permissions.groups.members.add'> {
    return this.commands.execute(new AddGroupMembersCommand(message.ctx, message.data.groupId, message.data.personIds));
  }

  @RpcHandler('permissions.groups.members.remove')
  removeMembers(@Payload() message: RpcMessage<'permissions.groups.members.remove'>): Answer<'permissions.groups.members.remove'> {
    return this.commands.execute(new RemoveGroupMembersCommand(message.ctx, message.data.groupId, message.data.personIds));
  }

  @RpcHandler('permissions.memberships.of')
  membershipsOf(@Payload() message: RpcMessage<'permissions.memberships.of'>): Answer<'permissions.memberships.of'> {
    return this.queries.execute(new GetMembershipsQuery(message.ctx.tenantId, message.data.personIds));
  }

  @RpcHandler('permissions.memberships.set')
  setMemberships(@Payload() message: RpcMessage<'permissions.memberships.set'>): Answer<'permissions.memberships.set'> {
    const { personId, groupIds, kind } = message.data;
    return this.commands.execute(new SetMembershipsCommand(message.ctx, personId, groupIds, kind));
  }
}
