import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { ListOrderCommentsData, OrderCommentView } from '@warden/contracts';
import { existingOrder } from './order.check';
import { CommentErrors } from './order-comment.errors';
import { OrderCommentRepository } from './order-comment.repository';
import { OrderRepository } from './order.repository';

export class ListOrderCommentsQuery extends Query<Page<OrderCommentView>> {
  constructor(
    readonly tenantId: string,
    readonly data: ListOrderCommentsData,
  ) {
    super();
  }
}

/**
 * An order's conversation, internal notes and public replies in the order they were written. Who may read it
 * was decided by the gateway against the order's visibility; a client's read asks for public ones only.
 */
@QueryHandler(ListOrderCommentsQuery)
export class ListOrderCommentsHandler implements IQueryHandler<ListOrderCommentsQuery> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly comments: OrderCommentRepository,
  ) {}

  async execute({ tenantId, data }: ListOrderCommentsQuery): Promise<Page<OrderCommentView>> {
    await existingOrder(this.orders, tenantId, data.orderId);
    const after = decodeCursor(data.cursor);
    if (after && !/^\d{1,18}$/.test(after.key)) throw CommentErrors.badCursor();
    const rows = await this.comments.list(tenantId, {
      orderId: data.orderId,
      publicOnly: data.publicOnly,
      afterSeq: after?.key,
      limit: data.limit,
    });
    const page = toPage(rows, data.limit, (row) => ({ key: row.seq, id: row.view.id }));
    return { items: page.items.map((row) => row.view), nextCursor: page.nextCursor };
  }
}
