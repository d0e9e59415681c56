import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateTemplateRequestDto, TemplateResponseDto, UpdateTemplateRequestDto } from './dto/template.dto';

@ApiTags('templates')
@Controller('api/v1/templates')
export class TemplatesController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: 'List task templates' })
  @Action('tasks.create')
  @ApiOkResponse({ type: [TemplateResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@Ctx() ctx: RequestContext): Promise<TemplateResponseDto[]> {
    return this.bus.request('workflow.templates.list', ctx, {});
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a task template' })
  @Action('tasks.create')
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiProblems(401, 403, 404, 503)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<TemplateResponseDto> {
    return this.bus.request('workflow.templates.get', ctx, { templateId: id });
  }

  @Post()
  @ApiOperation({ summary: 'Create a task template' })
  @HttpCode(201)
  @Action('workflows.manage')
  @ApiCreatedResponse({ type: TemplateResponseDto })
  @ApiProblems(401, 403, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateTemplateRequestDto): Promise<TemplateResponseDto> {
    return this.bus.request('workflow.templates.create', ctx, { ...body });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a task template' })
  @Action('workflows.manage')
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: UpdateTemplateRequestDto): Promise<TemplateResponseDto> {
    return this.bus.request('workflow.templates.update', ctx, { templateId: id, changes: { ...body } });
  }
}
