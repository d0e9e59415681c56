import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext, WebhookEndpointChanges, WebhookEndpointView } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { EndpointRepository, toEndpointView } from './endpoint.repository';
import { TargetAddressPolicy } from './target-address.policy';
import { assertPublicTarget, endpointRecord, existingEndpoint, webhookValues } from './webhook-endpoint.record';

export class UpdateWebhookCommand extends Command<WebhookEndpointView> {
  constructor(
    readonly ctx: RequestContext,
    readonly endpointId: string,
    readonly changes: WebhookEndpointChanges,
  ) {
    super();
  }
}

/** An active endpoint after the change may have deliveries waiting: the dispatcher is woken. */
@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<UpdateWebhookCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly policy: TargetAddressPolicy,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, endpointId, changes }: UpdateWebhookCommand): Promise<WebhookEndpointView> {
    const tenantId = ctx.tenantId;
    // Before the transaction: a slow name lookup must not hold the endpoint's row.
    if (changes.url !== undefined && this.policy.urlProblem(changes.url) === undefined) await assertPublicTarget(this.policy, changes.url);
    const view = await this.dataSource.transaction(async (manager) => {
      const current = await existingEndpoint(this.endpoints, manager, tenantId, endpointId, true);
      const record = endpointRecord(
        {
          url: changes.url ?? current.url,
          eventTypes: changes.eventTypes ?? current.event_types,
          description: changes.description === undefined ? current.description : changes.description,
          active: changes.active ?? current.active,
        },
        this.policy,
      );
      const updated = toEndpointView(await this.endpoints.update(manager, tenantId, endpointId, record));
      await this.audit.record(manager, tenantId, {
        action: 'webhook.updated',
        resource: { type: 'webhook', id: endpointId },
        before: webhookValues(toEndpointView(current)),
        after: webhookValues(updated),
      });
      return updated;
    });
    if (view.active) this.dispatcher.wake();
    return view;
  }
}
