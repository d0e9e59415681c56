import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ChatKindsView, ChatSettingsView, ReceptionView } from '@warden/contracts';
import { GetChatKindsQuery } from './get-chat-kinds.handler';
import { GetChatSettingsQuery } from './get-chat-settings.handler';
import { GetReceptionQuery } from './get-reception.handler';
import { SetReceptionCommand } from './set-reception.handler';
import { UpdateChatSettingsCommand } from './update-chat-settings.handler';

/**
 * Reception modes (who an employee takes new inquiries from) and the tenant's chat switches: each message becomes
 * one command or query for its handler (`*.handler.ts` beside this file).
 */
@Controller()
export class ReceptionMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('inquiries.reception.get')
  get(@Payload() message: RpcMessage<'inquiries.reception.get'>): Promise<ReceptionView> {
    return this.queries.execute(new GetReceptionQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('inquiries.reception.set')
  set(@Payload() message: RpcMessage<'inquiries.reception.set'>): Promise<ReceptionView> {
    return this.commands.execute(new SetReceptionCommand(message.ctx, message.data));
  }

  @RpcHandler('inquiries.settings.get')
  settings(@Payload() message: RpcMessage<'inquiries.settings.get'>): Promise<ChatSettingsView> {
    return this.queries.execute(new GetChatSettingsQuery(message.ctx.tenantId));
  }

  @RpcHandler('inquiries.settings.kinds')
  kinds(@Payload() message: RpcMessage<'inquiries.settings.kinds'>): Promise<ChatKindsView> {
    return this.queries.execute(new GetChatKindsQuery(message.ctx.tenantId));
  }

  @RpcHandler('inquiries.settings.put')
  putSettings(@Payload() message: RpcMessage<'inquiries.settings.put'>): Promise<ChatSettingsView> {
    return this.commands.execute(new UpdateChatSettingsCommand(message.ctx, message.data));
  }
}
