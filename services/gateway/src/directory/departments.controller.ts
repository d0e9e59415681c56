import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateDepartmentRequestDto, DepartmentMembersRequestDto, UpdateDepartmentRequestDto } from './dto/department.request.dto';
import { DepartmentResponseDto } from './dto/department.response.dto';
import { DeletedResponseDto, IdParamsDto, MemberParamsDto } from './dto/id-params.request.dto';

/** Departments split who sees which items; each has a head and members (employees). */
@ApiTags('departments')
@Controller()
export class DepartmentsController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/departments')
  @ApiOperation({ summary: 'List departments' })
  @Action('directory.read')
  @ApiOkResponse({ type: [DepartmentResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@Ctx() ctx: RequestContext): Promise<DepartmentResponseDto[]> {
    return this.bus.request('directory.departments.list', ctx, {});
  }

  @Post('api/v1/departments')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Create a department; head and members must be employees of the tenant' })
  @ApiCreatedResponse({ type: DepartmentResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateDepartmentRequestDto): Promise<DepartmentResponseDto> {
    return this.bus.request('directory.departments.create', ctx, body);
  }

  @Get('api/v1/departments/:id')
  @ApiOperation({ summary: 'Read a department' })
  @Action('directory.read')
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<DepartmentResponseDto> {
    return this.bus.request('directory.departments.get', ctx, { departmentId: params.id });
  }

  @Patch('api/v1/departments/:id')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Rename, change the head, or replace the members (`memberIds`)' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: UpdateDepartmentRequestDto,
  ): Promise<DepartmentResponseDto> {
    return this.bus.request('directory.departments.update', ctx, { departmentId: params.id, changes: body });
  }

  @Delete('api/v1/departments/:id')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Delete a department no channel delivers to (409 DEPARTMENT.IN_USE otherwise)' })
  @ApiOkResponse({ type: DeletedResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  delete(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<DeletedResponseDto> {
    return this.bus.request('directory.departments.delete', ctx, { departmentId: params.id });
  }

  @Post('api/v1/departments/:id/members')
  @HttpCode(200)
  @Action('directory.manage')
  @ApiOperation({ summary: 'Add employees to a department (already-members are left as they are)' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  addMembers(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: DepartmentMembersRequestDto,
  ): Promise<DepartmentResponseDto> {
    return this.bus.request('directory.departments.members.add', ctx, { departmentId: params.id, personIds: body.personIds });
  }

  @Delete('api/v1/departments/:id/members/:personId')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Remove a member from a department' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  removeMember(@Ctx() ctx: RequestContext, @Param() params: MemberParamsDto): Promise<DepartmentResponseDto> {
    return this.bus.request('directory.departments.members.remove', ctx, { departmentId: params.id, personIds: [params.personId] });
  }
}
