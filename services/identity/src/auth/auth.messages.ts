import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { TokenPair } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { LoginHandler } from './commands/login.handler';
import { LogoutHandler } from './commands/logout.handler';
import { RefreshHandler } from './commands/refresh.handler';

@Controller()
export class AuthMessages {
  constructor(
    private readonly loginHandler: LoginHandler,
    private readonly refreshHandler: RefreshHandler,
    private readonly logoutHandler: LogoutHandler,
  ) {}

  @RpcHandler('identity.auth.login')
  login(@Payload() message: RpcMessage<'identity.auth.login'>): Promise<TokenPair> {
    return this.loginHandler.execute(message.data, message.ctx.requestId);
  }

  @RpcHandler('identity.auth.refresh')
  refresh(@Payload() message: RpcMessage<'identity.auth.refresh'>): Promise<TokenPair> {
    return this.refreshHandler.execute(message.data.refreshToken);
  }

  @RpcHandler('identity.auth.logout')
  logout(@Payload() message: RpcMessage<'identity.auth.logout'>): Promise<{ loggedOut: true }> {
    return this.logoutHandler.execute(message.ctx.tenantId, message.data.sessionId);
  }
}
