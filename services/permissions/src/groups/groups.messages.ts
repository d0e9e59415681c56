import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { GroupsService } from './groups.service';
import { LoginBarEnforcer } from './login-bar.enforcer';
import { MembershipsService } from './memberships.service';

type Answer<K extends Parameters<typeof RpcHandler>[0]> = Promise<RpcResponse<K>>;

@Controller()
export class GroupsMessages {
  constructor(
    private readonly groups: GroupsService,
    private readonly memberships: MembershipsService,
    private readonly loginBar: LoginBarEnforcer,
  ) {}

  @RpcHandler('permissions.groups.list')
  list(@Payload() message: RpcMessage<'permissions.groups.list'>): Answer<'permissions.groups.list'> {
    return this.groups.list(message.ctx.tenantId);
  }

  @RpcHandler('permissions.groups.get')
  get(@Payload() message: RpcMessage<'permissions.groups.get'>): Answer<'permissions.groups.get'> {
    return this.groups.get(message.ctx.tenantId, message.data.groupId);
  }

  @RpcHandler('permissions.groups.create')
  create(@Payload() message: RpcMessage<'permissions.groups.create'>): Answer<'permissions.groups.create'> {
    return this.groups.create(message.ctx.tenantId, message.data);
  }

  @RpcHandler('permissions.groups.update')
  async update(@Payload() message: RpcMessage<'permissions.groups.update'>): Answer<'permissions.groups.update'> {
    const changed = await this.groups.update(message.ctx.tenantId, message.data);
    await this.loginBar.afterGroupChange(message.ctx, changed.group);
    return changed;
  }

  @RpcHandler('permissions.groups.members.add')
  async addMembers(@Payload() message: RpcMessage<'permissions.groups.members.add'>): Answer<'permissions.groups.members.add'> {
    const changed = await this.groups.addMembers(message.ctx.tenantId, message.data.groupId, message.data.personIds);
    if (changed.group.loginBarred) await this.loginBar.endBarredSessions(message.ctx, message.data.personIds);
    return changed;
  }

  @RpcHandler('permissions.groups.members.remove')
  removeMembers(@Payload() message: RpcMessage<'permissions.groups.members.remove'>): Answer<'permissions.groups.members.remove'> {
    return this.groups.removeMembers(message.ctx.tenantId, message.data.groupId, message.data.personIds);
  }

  @RpcHandler('permissions.memberships.of')
  membershipsOf(@Payload() message: RpcMessage<'permissions.memberships.of'>): Answer<'permissions.memberships.of'> {
    return this.memberships.of(message.ctx.tenantId, message.data.personIds);
  }

  @RpcHandler('permissions.memberships.set')
  async setMemberships(@Payload() message: RpcMessage<'permissions.memberships.set'>): Answer<'permissions.memberships.set'> {
    const set = await this.memberships.set(message.ctx.tenantId, message.data.personId, message.data.groupIds, message.data.kind);
    await this.loginBar.endBarredSessions(message.ctx, [message.data.personId]);
    return set;
  }
}
