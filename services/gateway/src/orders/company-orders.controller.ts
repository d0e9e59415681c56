import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '@warden/contracts';
import { Action } from '../auth/route-metadata';
import type { Principal } from '../auth/principal';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import { IdParamsDto } from '../directory/dto/id-params.request.dto';
import { CompanyOrdersQueryDto } from './dto/order.request.dto';
import { OrderPageResponseDto } from './dto/order.response.dto';
import { OrderAccessService } from './order-access.service';

/** A company's order history, through the same visibility rule as every order list. */
@ApiTags('companies')
@Controller()
export class CompanyOrdersController {
  constructor(private readonly orders: OrderAccessService) {}

  @Get('api/v1/companies/:id/orders')
  @Action('orders.read')
  @ApiOperation({ summary: "The company's orders you can see, newest first; cursor pages" })
  @ApiOkResponse({ type: OrderPageResponseDto })
  @ApiProblems(401, 403, 404, 422, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Ctx() ctx: RequestContext,
    @Param() params: IdParamsDto,
    @Query() query: CompanyOrdersQueryDto,
  ): Promise<OrderPageResponseDto> {
    const page = await this.orders.ofCompany(principal, ctx, params.id, query);
    return { items: page.items, nextCursor: page.nextCursor, total: page.total ?? 0 };
  }
}
