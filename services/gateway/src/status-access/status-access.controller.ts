import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { PutGroupStatusAccessRequestDto, PutPersonStatusAccessRequestDto } from './dto/status-access.request.dto';
import { GroupStatusAccessResponseDto, PersonStatusAccessResponseDto } from './dto/status-access.response.dto';

/**
 * The "Statuses" section of the employee card and its group counterpart (docs/rules.md#orders): every
 * status of every order and task workflow (one model of levels for both), grouped by workflow with its kind.
 */
@ApiTags('status-access')
@Controller('api/v1')
export class StatusAccessController {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  @Get('staff/:id/status-access')
  @ApiOperation({ summary: "Read a person's status access levels" })
  @Action('permissions.manage')
  @ApiOkResponse({
    type: PersonStatusAccessResponseDto,
    description: 'Levels for every status of every order and task workflow (grouped by workflow, with its kind), and the closed-order flag',
  })
  @ApiProblems(401, 403, 404, 503)
  async person(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PersonStatusAccessResponseDto> {
    // The person must be staff of the caller's tenant: 404 otherwise, as for any other staff route.
    await this.bus.request('identity.staff.get', ctx, { personId: id });
    return this.bus.request('permissions.status-access.person.get', ctx, { personId: id });
  }

  @Put('staff/:id/status-access')
  @ApiOperation({ summary: "Set a person's status access levels" })
  @Action('permissions.manage')
  @ApiOkResponse({ type: PersonStatusAccessResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async putPerson(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: PutPersonStatusAccessRequestDto,
  ): Promise<PersonStatusAccessResponseDto> {
    await this.bus.request('identity.staff.get', ctx, { personId: id });
    const levels = body.levels.map((level) => ({ statusId: level.statusId, level: level.level }));
    const { access, policy } = await this.bus.request('permissions.status-access.person.put', ctx, {
      personId: id,
      levels,
      mayChangeClosed: body.mayChangeClosed,
    });
    await this.access.applied(ctx.tenantId, policy);
    return access;
  }

  @Get('groups/:id/status-access')
  @ApiOperation({ summary: "Read a group's status access levels" })
  @Action('permissions.manage')
  @ApiOkResponse({ type: GroupStatusAccessResponseDto })
  @ApiProblems(401, 403, 404, 503)
  group(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<GroupStatusAccessResponseDto> {
    return this.bus.request('permissions.status-access.group.get', ctx, { groupId: id });
  }

  @Put('groups/:id/status-access')
  @ApiOperation({ summary: "Set a group's status access levels" })
  @Action('permissions.manage')
  @ApiOkResponse({ type: GroupStatusAccessResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async putGroup(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: PutGroupStatusAccessRequestDto,
  ): Promise<GroupStatusAccessResponseDto> {
    const levels = body.levels.map((level) => ({ statusId: level.statusId, level: level.level }));
    const { access, policy } = await this.bus.request('permissions.status-access.group.put', ctx, { groupId: id, levels });
    await this.access.applied(ctx.tenantId, policy);
    return access;
  }
}
