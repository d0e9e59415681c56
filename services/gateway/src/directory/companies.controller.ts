import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import {
  ClientManagersRequestDto,
  CreateCompanyRequestDto,
  ListCompaniesQueryDto,
  UpdateCompanyRequestDto,
} from './dto/company.request.dto';
import { CompanyPageResponseDto, CompanyResponseDto } from './dto/company.response.dto';
import { IdParamsDto } from './dto/id-params.request.dto';

/** Client companies: their people are contacts with `companyId`; client managers see all of their orders. */
@ApiTags('companies')
@Controller()
export class CompaniesController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/companies')
  @Action('directory.read')
  @ApiOperation({ summary: 'Companies ordered by name; search by name or tax id; cursor pages' })
  @ApiOkResponse({ type: CompanyPageResponseDto })
  @ApiProblems(401, 403, 422, 503)
  list(@Ctx() ctx: RequestContext, @Query() query: ListCompaniesQueryDto): Promise<CompanyPageResponseDto> {
    return this.bus.request('directory.companies.list', ctx, { ...query, limit: query.limit ?? 50 });
  }

  @Post('api/v1/companies')
  @ApiOperation({ summary: 'Create a company' })
  @Action('directory.manage')
  @ApiCreatedResponse({ type: CompanyResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateCompanyRequestDto): Promise<CompanyResponseDto> {
    return this.bus.request('directory.companies.create', ctx, body);
  }

  @Get('api/v1/companies/:id')
  @ApiOperation({ summary: 'Read a company' })
  @Action('directory.read')
  @ApiOkResponse({ type: CompanyResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<CompanyResponseDto> {
    return this.bus.request('directory.companies.get', ctx, { companyId: params.id });
  }

  @Patch('api/v1/companies/:id')
  @ApiOperation({ summary: 'Change a company' })
  @Action('directory.manage')
  @ApiOkResponse({ type: CompanyResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: UpdateCompanyRequestDto): Promise<CompanyResponseDto> {
    return this.bus.request('directory.companies.update', ctx, { companyId: params.id, changes: body });
  }

  @Put('api/v1/companies/:id/client-managers')
  @Action('directory.manage')
  @ApiOperation({ summary: "Replace the company's client managers; publishes directory.company.client-managers-changed.v1" })
  @ApiOkResponse({ type: CompanyResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  clientManagers(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: ClientManagersRequestDto,
  ): Promise<CompanyResponseDto> {
    return this.bus.request('directory.companies.client-managers.put', ctx, { companyId: params.id, personIds: body.personIds });
  }
}
