import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ChannelView, InboundResult } from '@warden/contracts';
import { CreateChannelCommand } from './create-channel.handler';
import { DeleteChannelCommand } from './delete-channel.handler';
import { GetChannelQuery } from './get-channel.handler';
import { ListChannelsQuery } from './list-channels.handler';
import { ReceiveInboundCommand } from './receive-inbound.handler';
import { UpdateChannelCommand } from './update-channel.handler';

/** The channel RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class ChannelsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('directory.channels.list')
  list(@Payload() message: RpcMessage<'directory.channels.list'>): Promise<ChannelView[]> {
    return this.queries.execute(new ListChannelsQuery(message.ctx.tenantId, message.data.departmentId));
  }

  @RpcHandler('directory.channels.get')
  get(@Payload() message: RpcMessage<'directory.channels.get'>): Promise<ChannelView> {
    return this.queries.execute(new GetChannelQuery(message.ctx.tenantId, message.data.channelId));
  }

  @RpcHandler('directory.channels.create')
  create(@Payload() message: RpcMessage<'directory.channels.create'>): Promise<ChannelView> {
    return this.commands.execute(new CreateChannelCommand(message.ctx, message.data));
  }

  @RpcHandler('directory.channels.update')
  update(@Payload() message: RpcMessage<'directory.channels.update'>): Promise<ChannelView> {
    return this.commands.execute(new UpdateChannelCommand(message.ctx, message.data.channelId, message.data.changes));
  }

  @RpcHandler('directory.channels.delete')
  delete(@Payload() message: RpcMessage<'directory.channels.delete'>): Promise<{ deleted: true }> {
    return this.commands.execute(new DeleteChannelCommand(message.ctx, message.data.channelId));
  }

  @RpcHandler('directory.channels.inbound')
  receive(@Payload() message: RpcMessage<'directory.channels.inbound'>): Promise<InboundResult> {
    return this.commands.execute(new ReceiveInboundCommand(message.ctx, message.data));
  }
}
