import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { HeartbeatCommand } from './heartbeat.handler';

/** The heartbeat: the message becomes a command for its handler (`heartbeat.handler.ts` beside this file). */
@Controller()
export class PresenceMessages {
  constructor(private readonly commands: CommandBus) {}

  @RpcHandler('identity.presence.heartbeat')
  heartbeat(@Payload() message: RpcMessage<'identity.presence.heartbeat'>): Promise<{ presence: 'online' }> {
    return this.commands.execute(new HeartbeatCommand(message.ctx, message.data.sessionId));
  }
}
