import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import type { Principal } from '../auth/principal';
import { SignedIn } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { ChatAccessService } from './chat-access.service';
import {
  ConversationParamsDto,
  CreateConversationRequestDto,
  ListConversationsQueryDto,
  PageQueryDto,
  PostMessageRequestDto,
  ReadMarkRequestDto,
} from './dto/conversation.request.dto';
import {
  ChatKindsResponseDto,
  ConversationPageResponseDto,
  ConversationResponseDto,
  MessagePageResponseDto,
  MessageResponseDto,
  ReadMarkResponseDto,
} from './dto/conversation.response.dto';

/**
 * Conversations of every kind. What you see: conversations you take part in; for inquiries also the
 * ones assigned to you; for inquiries and client chats, as a chat administrator, those of the
 * branches you can access. Anything else answers 404, as if it did not exist. Decided by the
 * permissions service's `conversation` rule (`conversation.start`, `conversation.see`, `conversation.post`).
 */
@ApiTags('chats')
@Controller('api/v1/conversations')
export class ConversationsController {
  constructor(
    private readonly bus: BusClient,
    private readonly chats: ChatAccessService,
  ) {}

  @Post()
  @SignedIn()
  @ApiOperation({
    summary: 'Start a chat',
    description:
      "Employees start internal chats (with other employees) and client chats (with contacts) with the right 'chats.internal', which every " +
      'employee holds through the Employee group unless an administrator takes it away. A client (a student) starts only group chats ' +
      '(`client_group`) with its classmates — other contacts of its own company — naming no employee; it takes part as its contact. ' +
      'Client chats need their kind switched on (`GET /api/v1/conversations/kinds`). Refusals: 403 `RIGHT.NOT_GRANTED` / ' +
      '`RIGHT.DENIED_PERSONALLY`, `CONVERSATION.START_FORBIDDEN`, `CONVERSATION.NOT_CLASSMATE`, `CONVERSATION.KIND_DISABLED`.',
  })
  @ApiCreatedResponse({ type: ConversationResponseDto })
  @ApiProblems(401, 403, 422, 503)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Body() body: CreateConversationRequestDto,
  ): Promise<ConversationResponseDto> {
    const employeeIds = body.employeeIds ?? [];
    const contactIds = body.contactIds ?? [];
    await this.chats.requireStart(principal, ctx, { kind: body.kind, employeeIds, contactIds });
    return this.bus.request('inquiries.conversations.create', ctx, {
      viewer: this.chats.caller(principal),
      kind: body.kind,
      title: body.title ?? null,
      employeeIds,
      contactIds,
      branchId: body.branchId ?? null,
    });
  }

  @Get('kinds')
  @SignedIn()
  @ApiOperation({ summary: 'Which chat kinds the organisation has switched on (internal chats always are); anyone signed in may read it' })
  @ApiOkResponse({ type: ChatKindsResponseDto })
  @ApiProblems(401, 403, 503)
  kinds(@Ctx() ctx: RequestContext): Promise<ChatKindsResponseDto> {
    return this.bus.request('inquiries.settings.kinds', ctx, {});
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Conversations you take part in, newest first, with unread counts' })
  @ApiOkResponse({ type: ConversationPageResponseDto })
  @ApiProblems(401, 403, 422, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Query() query: ListConversationsQueryDto,
  ): Promise<ConversationPageResponseDto> {
    const page = await this.bus.request('inquiries.conversations.list', ctx, {
      viewer: this.chats.caller(principal),
      kind: query.kind,
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
    return { items: page.items, nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a conversation' })
  @SignedIn()
  @ApiOkResponse({ type: ConversationResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: ConversationParamsDto,
  ): Promise<ConversationResponseDto> {
    await this.chats.requireConversation(principal, ctx, 'conversation.see', params.id);
    return this.bus.request('inquiries.conversations.get', ctx, { viewer: this.chats.caller(principal), conversationId: params.id });
  }

  @Get(':id/messages')
  @SignedIn()
  @ApiOperation({ summary: 'Messages, newest first, cursor pages towards older ones' })
  @ApiOkResponse({ type: MessagePageResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async messages(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: ConversationParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<MessagePageResponseDto> {
    await this.chats.requireConversation(principal, ctx, 'conversation.see', params.id);
    const page = await this.bus.request('inquiries.messages.list', ctx, {
      viewer: this.chats.caller(principal),
      conversationId: params.id,
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
    return { items: page.items, nextCursor: page.nextCursor };
  }

  @Post(':id/messages')
  @SignedIn()
  @ApiOperation({
    summary: 'Post a message (1–4000 characters) to a conversation you see; a switched-off kind or a closed inquiry refuses it',
  })
  @ApiCreatedResponse({ type: MessageResponseDto })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async post(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: ConversationParamsDto,
    @Body() body: PostMessageRequestDto,
  ): Promise<MessageResponseDto> {
    await this.chats.requireConversation(principal, ctx, 'conversation.post', params.id);
    return this.bus.request('inquiries.messages.post', ctx, {
      viewer: this.chats.caller(principal),
      conversationId: params.id,
      text: body.text,
    });
  }

  @Post(':id/read')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Mark messages up to this one as read (the mark only moves forward)' })
  @ApiOkResponse({ type: ReadMarkResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async read(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: ConversationParamsDto,
    @Body() body: ReadMarkRequestDto,
  ): Promise<ReadMarkResponseDto> {
    await this.chats.requireConversation(principal, ctx, 'conversation.see', params.id);
    return this.bus.request('inquiries.messages.read', ctx, {
      viewer: this.chats.caller(principal),
      conversationId: params.id,
      messageId: body.messageId,
    });
  }
}
