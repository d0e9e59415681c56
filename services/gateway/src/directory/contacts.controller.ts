import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx } from '../http/request-context.decorator';
import { CreateContactRequestDto, ListContactsQueryDto, PortalAccessRequestDto, UpdateContactRequestDto } from './dto/contact.request.dto';
import { ContactPageResponseDto, ContactResponseDto } from './dto/contact.response.dto';
import { IdParamsDto } from './dto/id-params.request.dto';
import { PortalAccessFacade } from './portal-access.facade';

/** Contact people (clients): unique email per tenant, company, status, notifications, responsible employee, branch. */
@ApiTags('contacts')
@Controller()
export class ContactsController {
  constructor(
    private readonly bus: BusClient,
    private readonly portal: PortalAccessFacade,
  ) {}

  @Get('api/v1/contacts')
  @Action('directory.read')
  @ApiOperation({ summary: 'Search and filter contacts; ordered by name, cursor pages' })
  @ApiOkResponse({ type: ContactPageResponseDto })
  @ApiProblems(401, 403, 422, 503)
  list(@Ctx() ctx: RequestContext, @Query() query: ListContactsQueryDto): Promise<ContactPageResponseDto> {
    return this.bus.request('directory.contacts.list', ctx, { ...query, limit: query.limit ?? 50 });
  }

  @Post('api/v1/contacts')
  @ApiOperation({ summary: 'Create a contact' })
  @Action('directory.manage')
  @ApiCreatedResponse({ type: ContactResponseDto })
  @ApiProblems(401, 403, 409, 422, 503)
  create(@Ctx() ctx: RequestContext, @Body() body: CreateContactRequestDto): Promise<ContactResponseDto> {
    return this.bus.request('directory.contacts.create', ctx, body);
  }

  @Get('api/v1/contacts/:id')
  @ApiOperation({ summary: 'Read a contact' })
  @Action('directory.read')
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  get(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<ContactResponseDto> {
    return this.bus.request('directory.contacts.get', ctx, { contactId: params.id });
  }

  @Patch('api/v1/contacts/:id')
  @ApiOperation({ summary: 'Change a contact' })
  @Action('directory.manage')
  @ApiOkResponse({ type: ContactResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  update(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto, @Body() body: UpdateContactRequestDto): Promise<ContactResponseDto> {
    return this.bus.request('directory.contacts.update', ctx, { contactId: params.id, changes: body });
  }

  @Post('api/v1/contacts/:id/portal-access')
  @HttpCode(200)
  @Action('directory.manage')
  @ApiOperation({
    summary: 'Give the contact a client-portal login (repeat to set a new password)',
    description:
      'The contact signs in at POST /api/v1/auth/login with the tenant slug, its email and this password, as a person of kind ' +
      '`contact` whose id is the contact id, in the Client group. Refused (422) for a generated placeholder email or a blocked ' +
      'contact, and (409) when an employee of the tenant already signs in with the email.',
  })
  @ApiOkResponse({ type: ContactResponseDto, description: '`portalAccess: granted`, `portalPersonId` = the contact id' })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  grantPortalAccess(
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Body() body: PortalAccessRequestDto,
  ): Promise<ContactResponseDto> {
    return this.portal.grant(ctx, params.id, body.password);
  }

  @Delete('api/v1/contacts/:id/portal-access')
  @Action('directory.manage')
  @ApiOperation({ summary: 'Take the client-portal login away: sign-in refused, sessions ended; repeating it changes nothing' })
  @ApiOkResponse({ type: ContactResponseDto, description: '`portalAccess: none`' })
  @ApiProblems(401, 403, 404, 503)
  revokePortalAccess(@Ctx() ctx: RequestContext, @Param() params: IdParamsDto): Promise<ContactResponseDto> {
    return this.portal.revoke(ctx, params.id);
  }
}
