import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateContactRequestDto, ListContactsQueryDto, PortalAccessRequestDto, UpdateContactRequestDto } from './dto/contact.request.dto';
import { ContactPageResponseDto, ContactResponseDto } from './dto/contact.response.dto';
import { IdParamsDto } from './dto/id-params.request.dto';

/** Contact people (clients): unique email per tenant, company, status, notifications, responsible employee, branch. */
@ApiTags('contacts')
@Controller()
export class ContactsController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/contacts')
  @Action('directory.read')
  @ApiOperation({ summary: 'Search and filter contacts; ordered by name, cursor pages' })
  @ApiOkResponse({ type: ContactPageResponseDto })
  @ApiProblems(401, 403, 422, 503)
  list(@Ctx() ctx: RequestContext, @Query() query: ListContactsQueryDto): Promise<ContactPageResponseDto> {
    return this.bus.request('directory.contacts.list', ctx, { ...query, limit: query.limit ?? 50 });
  }

  @Post('api/v1/contacts')
  @Action('directory.manage')
  @ApiCreatedResponse({ type: ContactResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateContactRequestDto): Promise<ContactResponseDto> {
    return this.bus.request('directory.contacts.create', ctx, body);
  }

  @Get('api/v1/contacts/:id')
  @Action('directory.read')
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<ContactResponseDto> {
    return this.bus.request('directory.contacts.get', ctx, { contactId: params.id });
  }

  @Patch('api/v1/contacts/:id')
  @Action('directory.manage')
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: UpdateContactRequestDto): Promise<ContactResponseDto> {
    return this.bus.request('directory.contacts.update', ctx, { contactId: params.id, changes: body });
  }

  @Post('api/v1/contacts/:id/portal-access')
  @HttpCode(202)
  @Action('directory.manage')
  @ApiOperation({
    summary: 'Give the contact a client-portal login',
    description: 'Accepted: the request is recorded (`portalAccess: requested`); the identity login is created when identity is wired in.',
  })
  @ApiAcceptedResponse({ type: ContactResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  portalAccess(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: PortalAccessRequestDto): Promise<ContactResponseDto> {
    return this.bus.request('directory.contacts.portal-access', ctx, { contactId: params.id, password: body.password });
  }
}
