import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { ReceptionMode, RequestContext } from '@warden/contracts';
import type { Principal } from '../auth/principal';
import { Action, SignedIn } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { PersonParamsDto, SetReceptionRequestDto, UpdateChatSettingsRequestDto } from './dto/inquiry.request.dto';
import { ChatSettingsResponseDto, ReceptionResponseDto } from './dto/inquiry.response.dto';

/**
 * Reception modes (nobody, own_clients, my_branches, anyone) and the tenant's chat switches. An
 * employee sets its own mode with 'inquiries.own-reception'; otherwise a chat administrator does.
 */
@ApiTags('inquiries')
@Controller('api/v1/inquiries')
export class ReceptionController {
  constructor(private readonly bus: BusClient) {}

  @Get('reception/me')
  @ApiOperation({ summary: 'Read your own reception settings' })
  @SignedIn()
  @ApiOkResponse({ type: ReceptionResponseDto })
  @ApiProblems(401, 403, 404, 503)
  mine(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<ReceptionResponseDto> {
    return this.bus.request('inquiries.reception.get', ctx, { personId: principal.personId });
  }

  @Put('reception/me')
  @Action('inquiries.own-reception')
  @ApiOperation({ summary: "Set your own reception mode; 'anyone' is refused (422) without access to all branches" })
  @ApiOkResponse({ type: ReceptionResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  setMine(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Body() body: SetReceptionRequestDto,
  ): Promise<ReceptionResponseDto> {
    return this.set(ctx, principal.personId, body.mode);
  }

  @Get('reception/:personId')
  @ApiOperation({ summary: "Read a person's reception settings" })
  @Action('inquiries.admin')
  @ApiOkResponse({ type: ReceptionResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: PersonParamsDto): Promise<ReceptionResponseDto> {
    return this.bus.request('inquiries.reception.get', ctx, { personId: params.personId });
  }

  @Put('reception/:personId')
  @Action('inquiries.admin')
  @ApiOperation({
    summary: "A chat administrator sets an employee's reception mode; 'anyone' is refused (422) without access to all branches",
  })
  @ApiOkResponse({ type: ReceptionResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  setFor(
    @Ctx() ctx: RequestContext,
    @Param() params: PersonParamsDto,
    @Body() body: SetReceptionRequestDto,
  ): Promise<ReceptionResponseDto> {
    return this.set(ctx, params.personId, body.mode);
  }

  @Get('settings')
  @ApiOperation({ summary: "Read the tenant's chat settings" })
  @Action('inquiries.admin')
  @ApiOkResponse({ type: ChatSettingsResponseDto })
  @ApiProblems(401, 403, 503)
  settings(@Ctx() ctx: RequestContext): Promise<ChatSettingsResponseDto> {
    return this.bus.request('inquiries.settings.get', ctx, {});
  }

  @Put('settings')
  @Action('inquiries.admin')
  @ApiOperation({ summary: 'Switch client chat kinds and inquiries on or off; sticky release; work schedules' })
  @ApiOkResponse({ type: ChatSettingsResponseDto })
  @ApiProblems(401, 403, 422, 503)
  putSettings(@Ctx() ctx: RequestContext, @Body() body: UpdateChatSettingsRequestDto): Promise<ChatSettingsResponseDto> {
    return this.bus.request('inquiries.settings.put', ctx, body);
  }

  /** 'anyone' depends on the target's branch access: its `branches.all` right is asked of permissions here. */
  private async set(ctx: RequestContext, personId: string, mode: ReceptionMode): Promise<ReceptionResponseDto> {
    const allBranches = mode === 'anyone' ? await this.bus.request('permissions.check', ctx, { personId, action: 'branches.all' }) : null;
    return this.bus.request('inquiries.reception.set', ctx, { personId, mode, hasAllBranchesRight: allBranches?.allowed ?? false });
  }
}
