import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { Action, SignedIn } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { PutScheduleRequestDto, WorkingNowQueryDto } from './dto/schedule.request.dto';
import { ScheduleResponseDto, WorkingNowResponseDto } from './dto/schedule.response.dto';
import { StaffIdPipe } from './staff-id.pipe';

const READ_RULE = "Your own: any signed-in employee; someone else's: 'staff.read'.";

/** An employee's weekly work schedule with exceptions by date, and "working now". */
@ApiTags('staff')
@Controller('api/v1/staff')
export class ScheduleController {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  @Get(':id/schedule')
  @SignedIn()
  @ApiOperation({ summary: "An employee's work schedule (`schedule: null` when none is set)", description: READ_RULE })
  @ApiOkResponse({ type: ScheduleResponseDto })
  @ApiProblems(401, 403, 404, 503)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id', StaffIdPipe) id: string,
  ): Promise<ScheduleResponseDto> {
    await this.requireReader(principal, ctx, id);
    return this.bus.request('identity.schedules.get', ctx, { personId: id });
  }

  @Put(':id/schedule')
  @Action('staff.manage')
  @ApiOperation({
    summary: 'Replace the whole work schedule',
    description:
      'Weekly intervals per weekday and exceptions by date, in one IANA time zone (UTC when missing). Times are HH:MM, ' +
      'start before end, no overlaps; an overnight shift is two intervals (22:00-24:00, then 00:00-06:00 the next day). ' +
      '422 names each bad field, e.g. `weekly.mon.1.end`. Routing sees the change once inquiries has the event.',
  })
  @ApiOkResponse({ type: ScheduleResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  put(@Ctx() ctx: RequestContext, @Param('id', StaffIdPipe) id: string, @Body() body: PutScheduleRequestDto): Promise<ScheduleResponseDto> {
    return this.bus.request('identity.schedules.put', ctx, { personId: id, schedule: body });
  }

  @Delete(':id/schedule')
  @Action('staff.manage')
  @ApiOperation({ summary: 'Clear the work schedule: the employee has no schedule (routing counts it as inside)' })
  @ApiOkResponse({ type: ScheduleResponseDto })
  @ApiProblems(401, 403, 404, 503)
  clear(@Ctx() ctx: RequestContext, @Param('id', StaffIdPipe) id: string): Promise<ScheduleResponseDto> {
    return this.bus.request('identity.schedules.clear', ctx, { personId: id });
  }

  @Get(':id/schedule/now')
  @SignedIn()
  @ApiOperation({ summary: 'Is the employee inside its work schedule now (or at `at`), why, and until when', description: READ_RULE })
  @ApiOkResponse({ type: WorkingNowResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async now(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id', StaffIdPipe) id: string,
    @Query() query: WorkingNowQueryDto,
  ): Promise<WorkingNowResponseDto> {
    await this.requireReader(principal, ctx, id);
    return this.bus.request('identity.schedules.working-now', ctx, { personId: id, at: query.at });
  }

  private async requireReader(principal: Principal, ctx: RequestContext, personId: string): Promise<void> {
    if (principal.personId !== personId) await this.access.require(principal, ctx, 'staff.read');
  }
}
