import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '@warden/contracts';
import { BusClient } from '@warden/messaging';
import type { Principal } from '../auth/principal';
import { SignedIn } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { StaffFacade } from '../staff/staff.facade';
import { PersonStatusAccessResponseDto } from '../status-access/dto/status-access.response.dto';
import { HeartbeatResponseDto, MeResponseDto } from './dto/me.response.dto';

@ApiTags('me')
@Controller('api/v1/me')
export class MeController {
  constructor(
    private readonly staff: StaffFacade,
    private readonly bus: BusClient,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in person (an employee or a portal contact, see `kind`), with groups' })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiProblems(401, 403, 404, 503)
  async me(@Ctx() ctx: RequestContext, @CurrentPrincipal() principal: Principal): Promise<MeResponseDto> {
    // Employees and portal contacts alike: the staff registry (employees only) is not the source here.
    const person = await this.bus.request('identity.people.get', ctx, { personId: principal.personId });
    const [view] = await this.staff.withGroups(ctx, [person]);
    return { ...view!, tenantId: principal.tenantId, tenantSlug: principal.tenantSlug, sessionId: principal.sessionId };
  }

  @Get('status-access')
  @SignedIn()
  @ApiOperation({
    summary: "The caller's own level on every status, and its closed-order flag",
    description: 'The same answer as `GET /staff/{id}/status-access`, for the signed-in person; needs no right beyond signing in.',
  })
  @ApiOkResponse({ type: PersonStatusAccessResponseDto })
  @ApiProblems(401, 403, 503)
  statusAccess(@Ctx() ctx: RequestContext, @CurrentPrincipal() principal: Principal): Promise<PersonStatusAccessResponseDto> {
    return this.bus.request('permissions.status-access.person.get', ctx, { personId: principal.personId });
  }

  @Post('heartbeat')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Keeps the person online; send every ~30 s while the app is open' })
  @ApiOkResponse({ type: HeartbeatResponseDto })
  @ApiProblems(401, 403, 503)
  heartbeat(@Ctx() ctx: RequestContext, @CurrentPrincipal() principal: Principal): Promise<HeartbeatResponseDto> {
    return this.bus.request('identity.presence.heartbeat', ctx, { sessionId: principal.sessionId });
  }
}
