import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ChannelView, InboundResult } from '@warden/contracts';
import { ChannelsService } from './channels.service';
import { InboundService } from './inbound.service';

@Controller()
export class ChannelsMessages {
  constructor(
    private readonly channels: ChannelsService,
    private readonly inbound: InboundService,
  ) {}

  @RpcHandler('directory.channels.list')
  list(@Payload() message: RpcMessage<'directory.channels.list'>): Promise<ChannelView[]> {
    return this.channels.list(message.ctx.tenantId, message.data.departmentId);
  }

  @RpcHandler('directory.channels.get')
  get(@Payload() message: RpcMessage<'directory.channels.get'>): Promise<ChannelView> {
    return this.channels.get(message.ctx.tenantId, message.data.channelId);
  }

  @RpcHandler('directory.channels.create')
  create(@Payload() message: RpcMessage<'directory.channels.create'>): Promise<ChannelView> {
    return this.channels.create(message.ctx.tenantId, message.data);
  }

  @RpcHandler('directory.channels.update')
  update(@Payload() message: RpcMessage<'directory.channels.update'>): Promise<ChannelView> {
    return this.channels.update(message.ctx.tenantId, message.data.channelId, message.data.changes);
  }

  @RpcHandler('directory.channels.delete')
  delete(@Payload() message: RpcMessage<'directory.channels.delete'>): Promise<{ deleted: true }> {
    return this.channels.delete(message.ctx.tenantId, message.data.channelId);
  }

  @RpcHandler('directory.channels.inbound')
  receive(@Payload() message: RpcMessage<'directory.channels.inbound'>): Promise<InboundResult> {
    return this.inbound.receive(message.ctx.tenantId, message.data);
  }
}
