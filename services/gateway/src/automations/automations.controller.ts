import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { DeletedResponseDto, IdParamsDto } from '../directory/dto/id-params.request.dto';
import { ApiProblems } from '../http/problem.dto';
import type { Principal } from '../auth/principal';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { AutomationDryRunService } from './automation-dry-run.service';
import { AutomationDryRunRequestDto, CreateAutomationRequestDto, UpdateAutomationRequestDto } from './dto/automation.request.dto';
import { AutomationDryRunResponseDto, AutomationResponseDto } from './dto/automation.response.dto';

/**
 * Automation rules of the tenant: on each new order, the active rules whose conditions hold act on it in position
 * order, as the system, each change allowed only as far as the rule's owner (its creator) may make it then.
 */
@ApiTags('automations')
@Controller()
export class AutomationsController {
  constructor(
    private readonly bus: BusClient,
    private readonly dryRuns: AutomationDryRunService,
  ) {}

  @Get('api/v1/automations')
  @Action('automation.manage')
  @ApiOperation({ summary: 'Automation rules of the tenant, in the order they run' })
  @ApiOkResponse({ type: [AutomationResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@Ctx() ctx: RequestContext): Promise<AutomationResponseDto[]> {
    return this.bus.request('workflow.automations.list', ctx, {});
  }

  @Post('api/v1/automations')
  @Action('automation.manage')
  @ApiOperation({ summary: 'Add a rule; you are its owner' })
  @ApiCreatedResponse({ type: AutomationResponseDto })
  @ApiProblems(401, 403, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateAutomationRequestDto): Promise<AutomationResponseDto> {
    return this.bus.request('workflow.automations.create', ctx, body);
  }

  @Get('api/v1/automations/:id')
  @Action('automation.manage')
  @ApiOperation({ summary: 'One automation rule' })
  @ApiOkResponse({ type: AutomationResponseDto })
  @ApiProblems(401, 403, 404, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<AutomationResponseDto> {
    return this.bus.request('workflow.automations.get', ctx, { ruleId: params.id });
  }

  @Patch('api/v1/automations/:id')
  @Action('automation.manage')
  @ApiOperation({ summary: 'Change a rule; `conditions` and `actions`, when given, replace the whole object' })
  @ApiOkResponse({ type: AutomationResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  update(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: UpdateAutomationRequestDto,
  ): Promise<AutomationResponseDto> {
    return this.bus.request('workflow.automations.update', ctx, { ruleId: params.id, changes: body });
  }

  @Delete('api/v1/automations/:id')
  @Action('automation.manage')
  @ApiOperation({ summary: 'Remove a rule; history entries it wrote keep its id' })
  @ApiOkResponse({ type: DeletedResponseDto })
  @ApiProblems(401, 403, 404, 503)
  delete(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<DeletedResponseDto> {
    return this.bus.request('workflow.automations.delete', ctx, { ruleId: params.id });
  }

  @Post('api/v1/automations/:id/dry-run')
  @HttpCode(200)
  @Action('automation.manage')
  @ApiOperation({
    summary:
      'What the rule would do to the order now and why: each condition, each action with the owner’s permission answer; changes nothing. An order you do not see is 404',
  })
  @ApiOkResponse({ type: AutomationDryRunResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  dryRun(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: AutomationDryRunRequestDto,
  ): Promise<AutomationDryRunResponseDto> {
    return this.dryRuns.dryRun(principal, ctx, params.id, body.orderId);
  }
}
