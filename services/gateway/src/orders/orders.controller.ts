import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RESPONSE_HEADERS } from '../openapi/openapi.completion';
import type { FastifyReply } from 'fastify';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import type { Principal } from '../auth/principal';
import { ApiProblemCodes, ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import {
  ChangeOrderStatusRequestDto,
  CreateOrderRequestDto,
  ListOrdersQueryDto,
  TransferOrderRequestDto,
  UpdateOrderRequestDto,
} from './dto/order.request.dto';
import {
  OrderHistoryEntryResponseDto,
  OrderPageResponseDto,
  OrderResponseDto,
  OrderTransitionsResponseDto,
  TransferOrderResponseDto,
} from './dto/order.response.dto';
import { expectedVersion } from './if-match';
import { OrderAccessService } from './order-access.service';

/** Answers carrying the order's version as ETag (see withEtag). */
const ETAG = { ETag: RESPONSE_HEADERS.ETag };

/** Refusals of the `order` rule (permissions service) when you see the order but may not do this with it. */
const ORDER_RULE = ['STATUS.NOT_VISIBLE', 'ORDER.OTHER_DEPARTMENT', 'ORDER.NOT_OWN'] as const;
const PLACEMENT = ['DEPARTMENT.UNKNOWN', 'ORDER.EQUIPMENT_WITHOUT_CLIENT_COMPANY', 'ORDER.EQUIPMENT_OTHER_COMPANY'] as const;
const TAGS = ['ORDER.TAG_INVALID', 'ORDER.TOO_MANY_TAGS'] as const;

function withEtag(reply: FastifyReply, order: OrderResponseDto): OrderResponseDto {
  void reply.header('etag', `"${order.version}"`);
  return order;
}

@ApiTags('orders')
@Controller('api/v1/orders')
export class OrdersController {
  constructor(private readonly orders: OrderAccessService) {}

  @Post()
  @ApiOperation({ summary: 'Create an order' })
  @HttpCode(201)
  @Action('orders.create')
  @ApiCreatedResponse({ type: OrderResponseDto, headers: ETAG })
  @ApiProblemCodes({
    403: ['STATUS.NO_SET_ON_TARGET'],
    422: ['ORDER.TITLE_REQUIRED', 'STATUS.UNKNOWN', 'STATUS.ARCHIVED', ...PLACEMENT, ...TAGS],
  })
  @ApiProblems(401, 403, 409, 422, 503)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Body() body: CreateOrderRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponseDto> {
    return withEtag(reply, await this.orders.create(principal, ctx, { ...body }));
  }

  @Get()
  @ApiOperation({ summary: 'List the orders you can see' })
  @Action('orders.read')
  @ApiOkResponse({
    type: OrderPageResponseDto,
    description:
      'Newest first; only orders you can see (status level, then department / own orders / managed companies), and `total` counts only those',
  })
  @ApiProblemCodes({ 422: ['ORDER.TAG_INVALID'] })
  @ApiProblems(401, 403, 422, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Query() query: ListOrdersQueryDto,
  ): Promise<OrderPageResponseDto> {
    const page = await this.orders.list(principal, ctx, query);
    return { items: page.items, nextCursor: page.nextCursor, total: page.total ?? 0 };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read an order' })
  @Action('orders.read')
  @ApiOkResponse({ type: OrderResponseDto, headers: ETAG })
  @ApiProblemCodes({ 404: ['ORDER.NOT_FOUND'] })
  @ApiProblems(401, 403, 404, 503)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponseDto> {
    return withEtag(reply, await this.orders.visible(principal, ctx, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change an order's fields" })
  @Action('orders.update')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the order you changed' })
  @ApiOkResponse({ type: OrderResponseDto, headers: ETAG })
  @ApiProblemCodes({
    403: ORDER_RULE,
    404: ['ORDER.NOT_FOUND'],
    409: ['ORDER.VERSION_MISMATCH'],
    422: ['ORDER.TITLE_REQUIRED', 'ORDER.USE_TRANSFER', ...PLACEMENT, ...TAGS],
  })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: UpdateOrderRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponseDto> {
    const { version, ...changes } = body;
    return withEtag(reply, await this.orders.update(principal, ctx, id, changes, expectedVersion(version, ifMatch)));
  }

  @Post(':id/status')
  @ApiOperation({ summary: 'Move an order to another status' })
  @HttpCode(200)
  @Action('orders.update')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the order you changed' })
  @ApiOkResponse({
    type: OrderResponseDto,
    headers: ETAG,
    description: "Needs 'set' on the target, 'view' on the current status, and for a closed order the may-change-closed flag",
  })
  @ApiProblemCodes({
    403: ['STATUS.NO_SET_ON_TARGET', 'ORDER.CLOSED_LOCKED', ...ORDER_RULE],
    404: ['ORDER.NOT_FOUND'],
    409: ['ORDER.VERSION_MISMATCH', 'ORDER.ALREADY_IN_STATUS', 'ORDER.STATUS_MOVED'],
    422: ['STATUS.UNKNOWN', 'STATUS.ARCHIVED'],
  })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  async changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: ChangeOrderStatusRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderResponseDto> {
    return withEtag(reply, await this.orders.changeStatus(principal, ctx, id, body.statusId, expectedVersion(body.version, ifMatch)));
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Action('orders.transfer')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the order you transfer' })
  @ApiOperation({
    summary: 'Move the order to another department',
    description:
      "A department you do not see needs 'orders.transfer-anywhere' (403 ORDER.TRANSFER_TARGET_NOT_VISIBLE otherwise). Records a history entry " +
      'and publishes workflow.order.transferred.v1. When you no longer see the order afterwards, the answer says so (`order: null`, `visibleToYou: false`).',
  })
  @ApiOkResponse({ type: TransferOrderResponseDto })
  @ApiProblemCodes({
    403: ['ORDER.TRANSFER_TARGET_NOT_VISIBLE', 'ORDER.TRANSFER_NOT_ALLOWED', ...ORDER_RULE],
    404: ['ORDER.NOT_FOUND'],
    409: ['ORDER.VERSION_MISMATCH', 'ORDER.ALREADY_IN_DEPARTMENT', 'ORDER.DEPARTMENT_MOVED'],
    422: ['DEPARTMENT.UNKNOWN'],
  })
  @ApiProblems(401, 403, 404, 409, 422, 503)
  transfer(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: TransferOrderRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<TransferOrderResponseDto> {
    return this.orders.transfer(principal, ctx, id, body.departmentId, expectedVersion(body.version, ifMatch));
  }

  @Get(':id/history')
  @ApiOperation({ summary: "Read an order's status and department history" })
  @Action('orders.read')
  @ApiOkResponse({ type: [OrderHistoryEntryResponseDto] })
  @ApiProblemCodes({ 404: ['ORDER.NOT_FOUND'] })
  @ApiProblems(401, 403, 404, 503)
  history(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
  ): Promise<OrderHistoryEntryResponseDto[]> {
    return this.orders.history(principal, ctx, id);
  }

  @Get(':id/transitions')
  @ApiOperation({ summary: 'List every status an order could move to, allowed or why not' })
  @Action('orders.read')
  @ApiOkResponse({
    type: OrderTransitionsResponseDto,
    description: 'Every status of the workflow, each allowed or refused with the refusing rule',
  })
  @ApiProblemCodes({ 404: ['ORDER.NOT_FOUND'] })
  @ApiProblems(401, 403, 404, 503)
  transitions(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
  ): Promise<OrderTransitionsResponseDto> {
    return this.orders.transitions(principal, ctx, id);
  }
}
