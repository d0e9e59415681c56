import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import type { Principal } from '../auth/principal';
import { MyWorkflowView } from './my-workflow-view';
import { CreateWorkflowRequestDto, ListWorkflowsQueryDto, UpdateWorkflowRequestDto } from './dto/workflow.request.dto';
import { WorkflowResponseDto } from './dto/workflow.response.dto';

@ApiTags('workflows')
@Controller('api/v1/workflows')
export class WorkflowsController {
  constructor(
    private readonly bus: BusClient,
    private readonly mine: MyWorkflowView,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List workflows with their statuses' })
  @Action('orders.read')
  @ApiOkResponse({
    type: [WorkflowResponseDto],
    description: "Each status with the caller's level (`myLevel`); statuses at `none` are left out unless the caller manages workflows",
  })
  @ApiProblems(401, 403, 422, 503)
  async list(
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListWorkflowsQueryDto,
  ): Promise<WorkflowResponseDto[]> {
    return this.mine.of(principal, ctx, await this.bus.request('workflow.workflows.list', ctx, { kind: query.kind }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a workflow' })
  @Action('orders.read')
  @ApiOkResponse({
    type: WorkflowResponseDto,
    description: "Each status with the caller's level (`myLevel`); statuses at `none` are left out unless the caller manages workflows",
  })
  @ApiProblems(401, 403, 404, 503)
  async get(@Ctx() ctx: RequestContext, @CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<WorkflowResponseDto> {
    const [workflow] = await this.mine.of(principal, ctx, [await this.bus.request('workflow.workflows.get', ctx, { workflowId: id })]);
    return workflow!;
  }

  @Post()
  @ApiOperation({ summary: 'Create a workflow' })
  @HttpCode(201)
  @Action('workflows.manage')
  @ApiCreatedResponse({ type: WorkflowResponseDto })
  @ApiProblems(401, 403, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateWorkflowRequestDto): Promise<WorkflowResponseDto> {
    return this.bus.request('workflow.workflows.create', ctx, {
      name: body.name,
      kind: body.kind,
      statuses: body.statuses,
      transitions: body.transitions,
    });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a workflow and its statuses' })
  @Action('workflows.manage')
  @ApiOkResponse({ type: WorkflowResponseDto, description: 'Add, rename, recolour, reorder, archive or delete statuses' })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: UpdateWorkflowRequestDto): Promise<WorkflowResponseDto> {
    return this.bus.request('workflow.workflows.update', ctx, {
      workflowId: id,
      name: body.name,
      statuses: body.statuses,
      transitions: body.transitions,
    });
  }
}
