import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus } from '@nestjs/cqrs';
import type { TokenPair } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { LoginCommand } from './login.handler';
import { LogoutCommand } from './logout.handler';
import { RefreshCommand } from './refresh.handler';

/** Sign-in, refresh and sign-out: each message becomes one command for its handler (`*.handler.ts` beside this file). */
@Controller()
export class AuthMessages {
  constructor(private readonly commands: CommandBus) {}

  @RpcHandler('identity.auth.login')
  login(@Payload() message: RpcMessage<'identity.auth.login'>): Promise<TokenPair> {
    return this.commands.execute(new LoginCommand(message.ctx, message.data));
  }

  @RpcHandler('identity.auth.refresh')
  refresh(@Payload() message: RpcMessage<'identity.auth.refresh'>): Promise<TokenPair> {
    return this.commands.execute(new RefreshCommand(message.ctx, message.data.refreshToken));
  }

  @RpcHandler('identity.auth.logout')
  logout(@Payload() message: RpcMessage<'identity.auth.logout'>): Promise<{ loggedOut: true }> {
    return this.commands.execute(new LogoutCommand(message.ctx, message.data.sessionId));
  }
}
