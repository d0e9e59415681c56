import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import type { Principal } from '../auth/principal';
import { ApiProblemCodes, ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import {
  ChangeParticipantsRequestDto,
  ChangeTaskStatusRequestDto,
  CreateTaskRequestDto,
  ListTasksQueryDto,
  TransitionsQueryDto,
  UpdateTaskRequestDto,
} from './dto/task.request.dto';
import { TaskParticipantResponseDto } from '../participants/dto/participant.response.dto';
import { TaskHistoryEntryResponseDto, TaskPageResponseDto, TaskResponseDto, TaskTransitionsResponseDto } from './dto/task.response.dto';
import { TaskAccessService } from './task-access.service';

/**
 * Reading routes need only a signed-in person (`auth.login`): which tasks it sees is the `task`
 * rule's answer per task (participants, departments), not a catalog right.
 */
@ApiTags('tasks')
@Controller('api/v1/tasks')
export class TasksController {
  constructor(private readonly tasks: TaskAccessService) {}

  @Post()
  @HttpCode(201)
  @Action('tasks.create')
  @ApiOperation({
    summary:
      "Create a task; the project's default auditors and the template's workflow, initial status and participants apply, and you become the assigner",
    description:
      'A client contact may use only projects and templates it can see, and name only employees, itself and contacts of its own company: ' +
      'otherwise 403 (PROJECT.NOT_OWN, TEMPLATE.NOT_OWN, TASK.PARTICIPANT_OTHER_CLIENT). ' +
      "The task starts in the template's initial status, else in the first initial status of the workflow, that you may set " +
      '(per-status levels; the task default is `set`); 403 TASK.NO_INITIAL_STATUS_ALLOWED naming the statuses when there is none.',
  })
  @ApiCreatedResponse({ type: TaskResponseDto })
  @ApiProblemCodes({
    409: ['WORKFLOW.NO_INITIAL_STATUS'],
    422: [
      'TASK.TITLE_REQUIRED',
      'TASK.WORKFLOW_REQUIRED',
      'TASK.WORKFLOW_MISMATCH',
      'TASK.ASSIGNER_REQUIRED',
      'WORKFLOW.UNKNOWN',
      'PERSON.UNKNOWN',
      'PARTICIPANT.UNKNOWN_ROLE',
    ],
  })
  @ApiProblems(401, 403, 409, 422, 503)
  create(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Body() body: CreateTaskRequestDto,
  ): Promise<TaskResponseDto> {
    return this.tasks.create(principal, ctx, { ...body });
  }

  @Get()
  @ApiOperation({ summary: 'List the tasks you can see' })
  @Action('tasks.read')
  @ApiOkResponse({
    type: TaskPageResponseDto,
    description: 'Newest first; only tasks you take part in, or that your departments take part in with tasks.read-department',
  })
  @ApiProblems(401, 403, 422, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Query() query: ListTasksQueryDto,
  ): Promise<TaskPageResponseDto> {
    const page = await this.tasks.list(principal, ctx, query);
    return { items: page.items, nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a task' })
  @Action('tasks.read')
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiProblemCodes({ 404: ['TASK.NOT_FOUND'] })
  @ApiProblems(401, 403, 404, 503)
  get(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext, @Param('id') id: string): Promise<TaskResponseDto> {
    return this.tasks.visible(principal, ctx, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a task's fields" })
  @Action('tasks.create')
  @ApiOkResponse({ type: TaskResponseDto })
  @ApiProblemCodes({ 404: ['TASK.NOT_FOUND'], 409: ['TASK.VERSION_MISMATCH'], 422: ['TASK.TITLE_REQUIRED'] })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: UpdateTaskRequestDto,
  ): Promise<TaskResponseDto> {
    const { version, ...changes } = body;
    return this.tasks.update(principal, ctx, id, changes, version);
  }

  @Get(':id/participants')
  @ApiOperation({ summary: "List a task's participants" })
  @Action('tasks.read')
  @ApiOkResponse({ type: [TaskParticipantResponseDto] })
  @ApiProblems(401, 403, 404, 503)
  async participants(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
  ): Promise<TaskParticipantResponseDto[]> {
    return (await this.tasks.visible(principal, ctx, id)).participants;
  }

  @Patch(':id/participants')
  @Action('tasks.create')
  @ApiOperation({
    summary: 'Add and remove (person, role) pairs; removals apply first, so an assigner can be replaced in one request',
    description:
      'A task keeps at least one assigner: a change that would take away the last one is refused with 422 TASK.ASSIGNER_REQUIRED naming the `remove` entry, and nothing changes.',
  })
  @ApiOkResponse({ type: TaskResponseDto, description: 'Publishes workflow.task.participants-changed.v1' })
  @ApiProblems(401, 403, 404, 422, 503)
  changeParticipants(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: ChangeParticipantsRequestDto,
  ): Promise<TaskResponseDto> {
    return this.tasks.changeParticipants(principal, ctx, id, { add: body.add, remove: body.remove });
  }

  @Post(':id/status')
  @ApiOperation({ summary: 'Move a task along a transition' })
  @HttpCode(200)
  @Action('tasks.read')
  @ApiOkResponse({
    type: TaskResponseDto,
    description:
      'Needs a transition from the current status and a grant matching your role(s) and kind in this task, a group of yours or you',
  })
  @ApiProblemCodes({
    403: ['TRANSITION.NONE', 'TRANSITION.NOT_GRANTED', 'STATUS.NO_SET_ON_TARGET', 'STATUS.NOT_VISIBLE'],
    404: ['TASK.NOT_FOUND'],
    409: ['TASK.VERSION_MISMATCH', 'TASK.ALREADY_IN_STATUS', 'TASK.STATUS_MOVED', 'TRANSITION.NONE'],
    422: ['STATUS.UNKNOWN', 'STATUS.ARCHIVED'],
  })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: ChangeTaskStatusRequestDto,
  ): Promise<TaskResponseDto> {
    return this.tasks.changeStatus(principal, ctx, id, body.statusId, body.version);
  }

  @Get(':id/history')
  @ApiOperation({ summary: "Read a task's status history" })
  @Action('tasks.read')
  @ApiOkResponse({ type: [TaskHistoryEntryResponseDto] })
  @ApiProblemCodes({ 404: ['TASK.NOT_FOUND'] })
  @ApiProblems(401, 403, 404, 503)
  history(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
  ): Promise<TaskHistoryEntryResponseDto[]> {
    return this.tasks.history(principal, ctx, id);
  }

  @Get(':id/transitions')
  @Action('tasks.read')
  @ApiOperation({ summary: 'Every other status of the workflow: allowed or not, and which condition failed' })
  @ApiOkResponse({ type: TaskTransitionsResponseDto })
  @ApiProblems(401, 403, 404, 503)
  transitions(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: TransitionsQueryDto,
  ): Promise<TaskTransitionsResponseDto> {
    return this.tasks.transitions(principal, ctx, id, query.personId);
  }
}
