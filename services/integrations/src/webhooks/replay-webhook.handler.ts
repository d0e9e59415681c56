import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { RequestContext } from '@warden/contracts';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryRepository } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';
import { matchesEventTypes } from './event-type.filter';
import { StreamReplayReader } from './stream-replay.reader';
import { existingEndpoint } from './webhook-endpoint.record';
import { WebhookErrors } from './webhook.errors';

/** `since`: an event id the tenant's stream had, or an ISO 8601 instant. */
export class ReplayWebhookCommand extends Command<{ replayed: number }> {
  constructor(
    readonly ctx: RequestContext,
    readonly endpointId: string,
    readonly since: string,
  ) {
    super();
  }
}

/**
 * Queues again every event of the tenant since `since` that the endpoint subscribes to, with the same ids: read
 * from the stream (as far back as it keeps events), plus any kept copy the stream no longer has.
 */
@CommandHandler(ReplayWebhookCommand)
export class ReplayWebhookHandler implements ICommandHandler<ReplayWebhookCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly stream: StreamReplayReader,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async execute({ ctx, endpointId, since }: ReplayWebhookCommand): Promise<{ replayed: number }> {
    const tenantId = ctx.tenantId;
    const endpoint = await existingEndpoint(this.endpoints, this.dataSource.manager, tenantId, endpointId);
    const from = await this.sinceInstant(this.dataSource.manager, tenantId, since);
    const fromStream = await this.stream.eventsSince(tenantId, from);
    const replayed = await this.dataSource.transaction(async (manager) => {
      const kept = await this.deliveries.eventsSince(manager, tenantId, from);
      const events = new Map([...kept, ...fromStream].map((event) => [event.id, event]));
      // In stream order, as they were published.
      const ordered = [...events.values()].sort((a, b) => a.streamSeq - b.streamSeq);
      let count = 0;
      for (const event of ordered) {
        if (!matchesEventTypes(endpoint.event_types, event.type)) continue;
        await this.deliveries.storeEvent(manager, event);
        count += await this.deliveries.enqueue(manager, tenantId, [endpoint.id], event, true);
      }
      return count;
    });
    this.dispatcher.wake();
    return { replayed };
  }

  private async sinceInstant(manager: EntityManager, tenantId: string, since: string): Promise<Date> {
    if (isUuid(since)) {
      const time = await this.deliveries.eventTime(manager, tenantId, since);
      if (!time) throw WebhookErrors.badSince();
      return time;
    }
    const instant = new Date(since);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(since) || Number.isNaN(instant.getTime())) throw WebhookErrors.badSince();
    return instant;
  }
}
