import { Body, Controller, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateBranchRequestDto, PutEmployeeBranchesRequestDto, UpdateBranchRequestDto } from './dto/branch.request.dto';
import { BranchResponseDto, EmployeeBranchesResponseDto } from './dto/branch.response.dto';
import { DeletedResponseDto, IdParamsDto } from './dto/id-params.request.dto';

/** Branches of the organisation and the branches each employee may access. */
@ApiTags('branches')
@Controller()
export class BranchesController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/branches')
  @Action('directory.read')
  @ApiOperation({ summary: 'Branches of the tenant' })
  @ApiOkResponse({ type: [BranchResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@Ctx() ctx: RequestContext): Promise<BranchResponseDto[]> {
    return this.bus.request('directory.branches.list', ctx, {});
  }

  @Post('api/v1/branches')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Create a branch (name unique in the tenant, IANA time zone)' })
  @ApiCreatedResponse({ type: BranchResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateBranchRequestDto): Promise<BranchResponseDto> {
    return this.bus.request('directory.branches.create', ctx, body);
  }

  @Get('api/v1/branches/:id')
  @ApiOperation({ summary: 'Read a branch' })
  @Action('directory.read')
  @ApiOkResponse({ type: BranchResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<BranchResponseDto> {
    return this.bus.request('directory.branches.get', ctx, { branchId: params.id });
  }

  @Patch('api/v1/branches/:id')
  @ApiOperation({ summary: 'Change a branch' })
  @Action('directory.manage')
  @ApiOkResponse({ type: BranchResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: UpdateBranchRequestDto): Promise<BranchResponseDto> {
    return this.bus.request('directory.branches.update', ctx, { branchId: params.id, changes: body });
  }

  @Delete('api/v1/branches/:id')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Delete a branch no employee or contact uses (409 BRANCH.IN_USE otherwise)' })
  @ApiOkResponse({ type: DeletedResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  delete(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<DeletedResponseDto> {
    return this.bus.request('directory.branches.delete', ctx, { branchId: params.id });
  }

  @Get('api/v1/staff/:id/branches')
  @Action('directory.read')
  @ApiOperation({ summary: "An employee's main branch, additional branches, or access to all branches" })
  @ApiOkResponse({ type: EmployeeBranchesResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  employeeBranches(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<EmployeeBranchesResponseDto> {
    return this.bus.request('directory.employees.branches.get', ctx, { personId: params.id });
  }

  @Put('api/v1/staff/:id/branches')
  @Action('directory.manage')
  @ApiOperation({ summary: "Replace an employee's branch access; publishes directory.employee.branches-changed.v1" })
  @ApiOkResponse({ type: EmployeeBranchesResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  putEmployeeBranches(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: PutEmployeeBranchesRequestDto,
  ): Promise<EmployeeBranchesResponseDto> {
    return this.bus.request('directory.employees.branches.put', ctx, {
      personId: params.id,
      mainBranchId: body.mainBranchId ?? null,
      additionalBranchIds: body.additionalBranchIds,
      allBranches: body.allBranches,
    });
  }
}
