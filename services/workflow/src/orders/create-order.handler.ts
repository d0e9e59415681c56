import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import type { CreateOrderData, OrderView, RequestContext } from '@warden/contracts';
import { OrderErrors } from './order.errors';
import { orderTagsOf } from './order-tags.policy';
import { OrderOpener } from './order.opener';
import { OrderReferences } from './order-references';

export class CreateOrderCommand extends Command<OrderView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: CreateOrderData,
  ) {
    super();
  }
}

/**
 * A person's new order: its tags normalised (so `order.created` rules can test them), its department and client
 * checked with the directory first, then opened in one transaction. Whether the caller may create it, and in which
 * status, was decided by the gateway.
 */
@CommandHandler(CreateOrderCommand)
export class CreateOrderHandler implements ICommandHandler<CreateOrderCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: OrderReferences,
    private readonly opener: OrderOpener,
  ) {}

  async execute({ ctx, data }: CreateOrderCommand): Promise<OrderView> {
    if (!data.title) throw OrderErrors.titleRequired();
    const tags = orderTagsOf(data.tags ?? []);
    if (tags instanceof DomainError) throw tags;
    const departmentId = data.departmentId ? await this.references.department(ctx, data.departmentId) : null;
    const client = await this.references.client(ctx, data.clientContactId ?? null, data.equipmentId ?? null);
    return this.dataSource.transaction((tx) =>
      this.opener.open(tx, ctx.tenantId, ctx.actorId, {
        title: data.title,
        description: data.description ?? '',
        clientRef: data.clientRef ?? null,
        responsibleId: data.responsibleId ?? null,
        workflowId: data.workflowId,
        statusId: data.statusId,
        departmentId,
        client,
        inboundMessageId: null,
        channelId: null,
        tags,
      }),
    );
  }
}
