import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import type { Principal } from '../auth/principal';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { TemplateAccessService } from './template-access.service';
import { CreateTemplateRequestDto, TemplateResponseDto, UpdateTemplateRequestDto } from './dto/template.dto';

@ApiTags('templates')
@Controller('api/v1/templates')
export class TemplatesController {
  constructor(
    private readonly bus: BusClient,
    private readonly templates: TemplateAccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List task templates' })
  @Action('tasks.create')
  @ApiOperation({
    summary:
      "Templates you can see: every one for employees; for a client contact those naming no contact of another company (a template naming only employees is the firm's own)",
  })
  @ApiOkResponse({ type: [TemplateResponseDto] })
  @ApiProblems(401, 403, 503)
  list(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext): Promise<TemplateResponseDto[]> {
    return this.templates.list(principal, ctx);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a task template' })
  @Action('tasks.create')
  @ApiOperation({ summary: 'A template you cannot see answers 404, as one that does not exist' })
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiProblems(401, 403, 404, 503)
  get(@CurrentPrincipal() principal: Principal, @Ctx() ctx: RequestContext, @Param('id') id: string): Promise<TemplateResponseDto> {
    return this.templates.visible(principal, ctx, id);
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
