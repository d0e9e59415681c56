import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { PersonRightsResponseDto } from './dto/person-rights.response.dto';
import { SetOverrideRequestDto, StaffParamsDto } from './dto/set-override.request.dto';

/** A person's own rights: its groups, personal grants and denials, and what results. */
@ApiTags('permissions')
@Controller('api/v1/staff/:id/rights')
export class StaffRightsController {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  @Get()
  @Action('groups.manage')
  @ApiOperation({ summary: "A person's groups, personal overrides and effective rights" })
  @ApiOkResponse({ type: PersonRightsResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Param() params: StaffParamsDto, @Ctx() ctx: RequestContext): Promise<PersonRightsResponseDto> {
    return this.bus.request('permissions.overrides.list', ctx, { personId: params.id });
  }

  @Put()
  @Action('groups.manage')
  @ApiOperation({ summary: 'Grant (allow) or deny one right to this person, or remove the override (null); effective on its next request' })
  @ApiOkResponse({ type: PersonRightsResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async set(
    @Param() params: StaffParamsDto,
    @Body() body: SetOverrideRequestDto,
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonRightsResponseDto> {
    const { policy } = await this.bus.request('permissions.overrides.set', ctx, {
      personId: params.id,
      right: body.right,
      effect: body.effect,
    });
    await this.access.applied(principal.tenantId, policy);
    return this.bus.request('permissions.overrides.list', ctx, { personId: params.id });
  }
}
