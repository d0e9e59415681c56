import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { Action, SignedIn } from '../auth/route-metadata';
import { ChatAccessService } from '../chats/chat-access.service';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import {
  InquiryParamsDto,
  ListInquiriesQueryDto,
  ReassignInquiryRequestDto,
  ReceiveInquiryRequestDto,
  RoutingPreviewQueryDto,
} from './dto/inquiry.request.dto';
import {
  InquiryDetailsResponseDto,
  InquiryPageResponseDto,
  InquiryResponseDto,
  ReceivedInquiryResponseDto,
  RoutingDecisionResponseDto,
} from './dto/inquiry.response.dto';

/**
 * Client inquiries and their routing. Visible to the client, the assigned employee and chat
 * administrators of the inquiry's branch; to anyone else an inquiry does not exist (404). Decided by
 * the permissions service's `inquiry` rule (`inquiry.see`, `inquiry.close`, `inquiry.reassign`,
 * `inquiry.assign-branch`), so `/permissions/explain` tells why.
 */
@ApiTags('inquiries')
@Controller('api/v1/inquiries')
export class InquiriesController {
  constructor(
    private readonly bus: BusClient,
    private readonly chats: ChatAccessService,
    private readonly access: AccessService,
  ) {}

  @Post()
  @SignedIn()
  @ApiOperation({
    summary: 'A client wrote to the organisation',
    description:
      "Joins the client's open inquiry (its assignee keeps it), or opens one and routes it at once. A signed-in client writes as itself; " +
      "an employee or a connector account records a client's message with `contactId` and needs 'inquiries.admin'.",
  })
  @ApiCreatedResponse({ type: ReceivedInquiryResponseDto })
  @ApiProblems(401, 403, 422, 503)
  async receive(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Body() body: ReceiveInquiryRequestDto,
  ): Promise<ReceivedInquiryResponseDto> {
    if (principal.kind === 'employee') await this.access.require(principal, ctx, 'inquiries.admin');
    return this.bus.request('inquiries.inquiries.receive', ctx, {
      viewer: this.chats.caller(principal),
      contactId: body.contactId,
      text: body.text,
    });
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Inquiries you can see, newest first; `status=waiting` is the queue' })
  @ApiOkResponse({ type: InquiryPageResponseDto })
  @ApiProblems(401, 403, 422, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Query() query: ListInquiriesQueryDto,
  ): Promise<InquiryPageResponseDto> {
    const page = await this.bus.request('inquiries.inquiries.list', ctx, {
      scope: await this.chats.inquiryScope(principal, ctx),
      status: query.status,
      assigneeId: query.assigneeId,
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
    return { items: page.items, nextCursor: page.nextCursor };
  }

  @Get('routing/preview')
  @Action('inquiries.admin')
  @ApiOperation({ summary: 'Dry run: who would get an inquiry from this client now, and why every other employee would not' })
  @ApiOkResponse({ type: RoutingDecisionResponseDto })
  @ApiProblems(401, 403, 422, 503)
  preview(@Ctx() ctx: RequestContext, @Query() query: RoutingPreviewQueryDto): Promise<RoutingDecisionResponseDto> {
    return this.bus.request('inquiries.routing.preview', ctx, { contactId: query.contactId });
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'An inquiry with every stored routing decision (candidates and reasons)' })
  @ApiOkResponse({ type: InquiryDetailsResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: InquiryParamsDto,
  ): Promise<InquiryDetailsResponseDto> {
    await this.chats.requireInquiry(principal, ctx, 'inquiry.see', params.id);
    return this.bus.request('inquiries.inquiries.get', ctx, { viewer: this.chats.caller(principal), inquiryId: params.id });
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary: 'Reassign to another employee (chat administrator of the branch, or the current assignee)',
    description:
      "The target needs 'inquiries.assignable'; one working only in branches you cannot access needs your 'inquiries.assign-other-branches'.",
  })
  @ApiOkResponse({ type: InquiryResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async reassign(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: InquiryParamsDto,
    @Body() body: ReassignInquiryRequestDto,
  ): Promise<InquiryResponseDto> {
    await this.chats.requireInquiry(principal, ctx, 'inquiry.reassign', params.id);
    const branch = await this.chats.assignBranch(principal, ctx, params.id, body.assigneeId);
    return this.bus.request('inquiries.inquiries.reassign', ctx, {
      viewer: this.chats.caller(principal),
      inquiryId: params.id,
      assigneeId: body.assigneeId,
      branch,
    });
  }

  @Post(':id/close')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: "Close (chat administrator of the branch, or the assignee); the client's next message opens a new inquiry" })
  @ApiOkResponse({ type: InquiryResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async close(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: InquiryParamsDto,
  ): Promise<InquiryResponseDto> {
    await this.chats.requireInquiry(principal, ctx, 'inquiry.close', params.id);
    return this.bus.request('inquiries.inquiries.close', ctx, { viewer: this.chats.caller(principal), inquiryId: params.id });
  }
}
