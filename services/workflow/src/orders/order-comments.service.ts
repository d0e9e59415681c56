import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, newId, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { OrderCommentAddedV1 } from '@warden/contracts';
import type { AddOrderCommentData, ListOrderCommentsData, OrderCommentView, OrderView, RequestContext } from '@warden/contracts';
import { OrderErrors } from './order.errors';
import { CommentErrors } from './order-comment.errors';
import { commentRefusal } from './order-comment.policy';
import { OrderCommentRepository } from './order-comment.repository';
import type { NewComment } from './order-comment.repository';
import { OrderRepository } from './order.repository';

/**
 * An order's conversation: internal notes and public replies in the order they were written, each
 * added with its `workflow.order.comment-added.v1` in one transaction. Who may read or write was
 * decided by the gateway against the order's visibility; a client's read asks for public ones only.
 */
@Injectable()
export class OrderCommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly comments: OrderCommentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(tenantId: string, data: ListOrderCommentsData): Promise<Page<OrderCommentView>> {
    await this.order(tenantId, data.orderId);
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

  async add(ctx: RequestContext, data: AddOrderCommentData): Promise<OrderCommentView> {
    const refusal = commentRefusal(data);
    if (refusal) throw refusal;
    const order = await this.order(ctx.tenantId, data.orderId);
    return this.dataSource.transaction((tx) =>
      this.addWithin(tx, ctx.tenantId, order, {
        id: newId(),
        orderId: order.id,
        visibility: data.visibility,
        authorId: ctx.actorId,
        authorKind: data.authorKind,
        body: data.body,
        inboundMessageId: null,
      }),
    );
  }

  /** Adds the comment and its event inside the caller's transaction (a request, or an inbound reply). */
  async addWithin(tx: EntityManager, tenantId: string, order: OrderView, comment: NewComment): Promise<OrderCommentView> {
    const view = await this.comments.insert(tx, tenantId, comment);
    const event: OrderCommentAddedV1 = {
      commentId: view.id,
      orderId: order.id,
      number: order.number,
      visibility: view.visibility,
      authorId: view.authorId,
      authorKind: view.authorKind,
      body: view.body,
      inboundMessageId: view.inboundMessageId,
      at: view.createdAt,
    };
    await this.outbox.add(tx, { contract: OrderCommentAddedV1, tenantId, subject: order.id, data: event });
    return view;
  }

  private async order(tenantId: string, orderId: string): Promise<OrderView> {
    const order = await this.orders.get(tenantId, orderId);
    if (!order) throw OrderErrors.notFound();
    return order;
  }
}
