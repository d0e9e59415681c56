import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateProjectRequestDto, ProjectResponseDto, UpdateProjectRequestDto } from './dto/project.dto';

@ApiTags('projects')
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: 'List projects' })
  @Action('tasks.create')
  @ApiOkResponse({ type: [ProjectResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@Ctx() ctx: RequestContext): Promise<ProjectResponseDto[]> {
    return this.bus.request('workflow.projects.list', ctx, {});
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a project' })
  @Action('tasks.create')
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiProblems(401, 403, 404, 503)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProjectResponseDto> {
    return this.bus.request('workflow.projects.get', ctx, { projectId: id });
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
