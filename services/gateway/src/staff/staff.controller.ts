import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateStaffRequestDto } from './dto/create-staff.request.dto';
import { ListStaffQueryDto } from './dto/list-staff.query.dto';
import { StaffPageResponseDto, StaffResponseDto } from './dto/staff.response.dto';
import { UpdateStaffRequestDto } from './dto/update-staff.request.dto';
import { StaffIdPipe } from './staff-id.pipe';
import { StaffFacade } from './staff.facade';

@ApiTags('staff')
@Controller('api/v1/staff')
export class StaffController {
  constructor(private readonly staff: StaffFacade) {}

  @Get()
  @Action('staff.read')
  @ApiOperation({ summary: 'The staff registry: filter by system status, search by name/phone/email, cursor pages' })
  @ApiOkResponse({ type: StaffPageResponseDto })
  @ApiProblems(401, 403, 422, 503)
  list(@Ctx() ctx: RequestContext, @Query() query: ListStaffQueryDto): Promise<StaffPageResponseDto> {
    return this.staff.list(ctx, query);
  }

  @Post()
  @Action('staff.manage')
  @ApiOperation({ summary: 'Create an employee; a password grants login access' })
  @ApiCreatedResponse({ type: StaffResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateStaffRequestDto): Promise<StaffResponseDto> {
    return this.staff.create(ctx, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read an employee' })
  @Action('staff.read')
  @ApiOkResponse({ type: StaffResponseDto })
  @ApiProblems(401, 403, 404, 503)
  get(@Ctx() ctx: RequestContext, @Param('id', StaffIdPipe) id: string): Promise<StaffResponseDto> {
    return this.staff.get(ctx, id);
  }

  @Patch(':id')
  @Action('staff.manage')
  @ApiOperation({ summary: 'Change fields, login access (`access`) or groups (`groupIds`)' })
  @ApiOkResponse({ type: StaffResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param('id', StaffIdPipe) id: string, @Body() body: UpdateStaffRequestDto): Promise<StaffResponseDto> {
    return this.staff.update(ctx, id, body);
  }

  @Delete(':id')
  @Action('staff.manage')
  @ApiOperation({ summary: 'Soft-delete: sign-in refused and sessions ended; history kept; hidden unless asked for' })
  @ApiOkResponse({ type: StaffResponseDto })
  @ApiProblems(401, 403, 404, 503)
  delete(@Ctx() ctx: RequestContext, @Param('id', StaffIdPipe) id: string): Promise<StaffResponseDto> {
    return this.staff.delete(ctx, id);
  }
}
