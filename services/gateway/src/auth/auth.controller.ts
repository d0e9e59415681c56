import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '@warden/contracts';
import { BusClient } from '@warden/messaging';
import { ApiProblemCodes, ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { LoginRequestDto, RefreshRequestDto } from './dto/login.request.dto';
import { LogoutResponseDto, TokenPairResponseDto } from './dto/token-pair.response.dto';
import { LoginThrottlerGuard } from './login.throttler-guard';
import type { Principal } from './principal';
import { SessionRevocations } from './session-revocations';
import { Public, SignedIn } from './route-metadata';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly bus: BusClient,
    private readonly revocations: SessionRevocations,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public('sign-in')
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with tenant, email and password; rate-limited per address and per account' })
  @ApiOkResponse({ type: TokenPairResponseDto })
  @ApiProblemCodes({
    401: ['AUTH.INVALID_CREDENTIALS'],
    403: ['AUTH.NO_ACCESS', 'LOGIN.GROUP_BARRED', 'RIGHT.NOT_GRANTED', 'RIGHT.DENIED_PERSONALLY'],
  })
  @ApiProblems(401, 403, 422, 429, 503)
  login(@Ctx() ctx: RequestContext, @Body() body: LoginRequestDto): Promise<TokenPairResponseDto> {
    return this.bus.request('identity.auth.login', ctx, { tenant: body.tenant, email: body.email, password: body.password });
  }

  @Post('refresh')
  @HttpCode(200)
  @Public('exchanges a refresh token')
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a reused token ends the whole session' })
  @ApiOkResponse({ type: TokenPairResponseDto })
  @ApiProblemCodes({ 401: ['AUTH.REFRESH_INVALID', 'AUTH.REFRESH_REUSED'], 403: ['AUTH.NO_ACCESS', 'LOGIN.GROUP_BARRED'] })
  @ApiProblems(401, 403, 422, 503)
  refresh(@Ctx() ctx: RequestContext, @Body() body: RefreshRequestDto): Promise<TokenPairResponseDto> {
    return this.bus.request('identity.auth.refresh', ctx, { refreshToken: body.refreshToken });
  }

  @Post('logout')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'End this session: its refresh tokens and its access tokens stop working at once' })
  @ApiOkResponse({ type: LogoutResponseDto })
  @ApiProblems(401, 403, 503)
  async logout(@Ctx() ctx: RequestContext, @CurrentPrincipal() principal: Principal): Promise<LogoutResponseDto> {
    const result = await this.bus.request('identity.auth.logout', ctx, { sessionId: principal.sessionId });
    // This gateway refuses the session at once; the others (and this one after a restart) learn it from the event.
    this.revocations.revoke(principal.sessionId, principal.expiresAtMs);
    return result;
  }
}
