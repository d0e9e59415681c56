import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import type { Principal } from '../auth/principal';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { AddOrderCommentRequestDto, ListOrderCommentsQueryDto } from './dto/order-comment.request.dto';
import { OrderCommentPageResponseDto, OrderCommentResponseDto } from './dto/order-comment.response.dto';
import { OrderAccessService } from './order-access.service';

/**
 * An order's conversation. Whoever sees the order (else 404, as for the order itself) reads and
 * writes its comments; a client (a contact, client managers included) reads and writes public
 * replies only.
 */
@ApiTags('orders')
@Controller('api/v1/orders/:id/comments')
export class OrderCommentsController {
  constructor(
    private readonly orders: OrderAccessService,
    private readonly bus: BusClient,
  ) {}

  @Get()
  @Action('orders.read')
  @ApiOperation({
    summary: "The order's comments, oldest first",
    description: 'Oldest first, as a conversation is read; `nextCursor` pages towards newer comments. Clients get public replies only.',
  })
  @ApiOkResponse({ type: OrderCommentPageResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: ListOrderCommentsQueryDto,
  ): Promise<OrderCommentPageResponseDto> {
    const order = await this.orders.visible(principal, ctx, id);
    return this.bus.request('workflow.orders.comments.list', ctx, {
      orderId: order.id,
      publicOnly: principal.kind === 'contact',
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
  }

  @Post()
  @HttpCode(201)
  @Action('orders.read')
  @ApiOperation({
    summary: 'Add an internal note or a public reply',
    description:
      'Anyone who sees the order may comment on it; a client may not write internal notes (403). Publishes workflow.order.comment-added.v1.',
  })
  @ApiCreatedResponse({ type: OrderCommentResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async add(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: AddOrderCommentRequestDto,
  ): Promise<OrderCommentResponseDto> {
    const order = await this.orders.visible(principal, ctx, id);
    if (principal.kind === 'contact' && body.visibility !== 'public') {
      throw new DomainError(
        'COMMENT.CLIENT_INTERNAL_NOTE',
        'forbidden',
        'A client writes public replies only; internal notes are for employees',
      );
    }
    return this.bus.request('workflow.orders.comments.add', ctx, {
      orderId: order.id,
      body: body.body,
      visibility: body.visibility,
      authorKind: principal.kind,
    });
  }
}
