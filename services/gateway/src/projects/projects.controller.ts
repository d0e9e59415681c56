import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import type { Principal } from '../auth/principal';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { ProjectAccessService } from './project-access.service';
import { CreateProjectRequestDto, ProjectResponseDto, UpdateProjectRequestDto } from './dto/project.dto';

@ApiTags('projects')
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly bus: BusClient,
    private readonly projects: ProjectAccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List projects' })
  @Action('tasks.create')
  @ApiOperation({
    summary:
      'Projects you can see: every one for employees; for a client contact those whose counterparty is its company or that name it a default auditor',
  })
  @ApiOkResponse({ type: [ProjectResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<ProjectResponseDto[]> {
    return this.projects.list(principal, ctx);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a project' })
  @Action('tasks.create')
  @ApiOperation({ summary: 'A project you cannot see answers 404, as one that does not exist' })
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiProblems(401, 403, 404, 503)
  get(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProjectResponseDto> {
    return this.projects.visible(principal, ctx, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a project' })
  @HttpCode(201)
  @Action('workflows.manage')
  @ApiCreatedResponse({ type: ProjectResponseDto })
  @ApiProblems(401, 403, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateProjectRequestDto): Promise<ProjectResponseDto> {
    return this.bus.request('workflow.projects.create', ctx, { ...body });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a project' })
  @Action('workflows.manage')
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: UpdateProjectRequestDto): Promise<ProjectResponseDto> {
    return this.bus.request('workflow.projects.update', ctx, { projectId: id, changes: { ...body } });
  }
}
