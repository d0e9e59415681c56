import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { DeletedResponseDto } from '../directory/dto/id-params.request.dto';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { AddTransitionRequestDto, ChangeTransitionRequestDto, TransitionParamsDto, WorkflowParamsDto } from './dto/workflow.request.dto';
import { WorkflowTransitionResponseDto } from './dto/workflow.response.dto';

/**
 * A task workflow's transitions one at a time, with the field names a workflow read shows; each
 * change publishes the workflow-changed event `PATCH /workflows/{id}` publishes.
 */
@ApiTags('workflows')
@Controller('api/v1/workflows/:id/transitions')
export class WorkflowTransitionsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  @HttpCode(201)
  @Action('workflows.manage')
  @ApiOperation({
    summary: 'Add one transition to a task workflow',
    description:
      '409 TRANSITION.EXISTS when the workflow has that pair already (change its grants instead); 422 naming `fromStatusId` or `toStatusId` ' +
      '(TRANSITION.UNKNOWN_STATUS, TRANSITION.OTHER_WORKFLOW, TRANSITION.SAME_STATUS) or `grants…`; 422 TRANSITION.FREE_WORKFLOW on an order workflow.',
  })
  @ApiCreatedResponse({ type: WorkflowTransitionResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  add(
    @Ctx() ctx: RequestContext,
    @Param() params: WorkflowParamsDto,
    @Body() body: AddTransitionRequestDto,
  ): Promise<WorkflowTransitionResponseDto> {
    return this.bus.request('workflow.transitions.add', ctx, {
      workflowId: params.id,
      fromStatusId: body.fromStatusId,
      toStatusId: body.toStatusId,
      grants: body.grants,
    });
  }

  @Patch(':transitionId')
  @Action('workflows.manage')
  @ApiOperation({
    summary: "Replace one transition's grants",
    description: '404 TRANSITION.NOT_FOUND when the workflow has no such transition; 422 naming `grants…`.',
  })
  @ApiOkResponse({ type: WorkflowTransitionResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  change(
    @Ctx() ctx: RequestContext,
    @Param() params: TransitionParamsDto,
    @Body() body: ChangeTransitionRequestDto,
  ): Promise<WorkflowTransitionResponseDto> {
    return this.bus.request('workflow.transitions.change', ctx, {
      workflowId: params.id,
      transitionId: params.transitionId,
      grants: body.grants,
    });
  }

  @Delete(':transitionId')
  @Action('workflows.manage')
  @ApiOperation({ summary: 'Remove one transition', description: '404 TRANSITION.NOT_FOUND when the workflow has no such transition.' })
  @ApiOkResponse({ type: DeletedResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  remove(@Ctx() ctx: RequestContext, @Param() params: TransitionParamsDto): Promise<DeletedResponseDto> {
    return this.bus.request('workflow.transitions.remove', ctx, { workflowId: params.id, transitionId: params.transitionId });
  }
}
