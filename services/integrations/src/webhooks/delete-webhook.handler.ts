import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { EndpointRepository, toEndpointView } from './endpoint.repository';
import { existingEndpoint, webhookValues } from './webhook-endpoint.record';

export class DeleteWebhookCommand extends Command<{ deleted: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly endpointId: string,
  ) {
    super();
  }
}

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, endpointId }: DeleteWebhookCommand): Promise<{ deleted: true }> {
    const tenantId = ctx.tenantId;
    await this.dataSource.transaction(async (manager) => {
      const current = await existingEndpoint(this.endpoints, manager, tenantId, endpointId, true);
      await this.endpoints.delete(manager, tenantId, endpointId);
      await this.audit.record(manager, tenantId, {
        action: 'webhook.deleted',
        resource: { type: 'webhook', id: endpointId },
        before: webhookValues(toEndpointView(current)),
        after: null,
      });
    });
    return { deleted: true };
  }
}
