import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { RequestContext, WebhookEndpointInput, WebhookEndpointWithSecretView } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { EndpointRepository, toEndpointView } from './endpoint.repository';
import { SecretCipher } from './secret.cipher';
import { TargetAddressPolicy } from './target-address.policy';
import { assertPublicTarget, endpointRecord, webhookValues } from './webhook-endpoint.record';

export class CreateWebhookCommand extends Command<WebhookEndpointWithSecretView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: WebhookEndpointInput,
  ) {
    super();
  }
}

/** A new endpoint with a new signing secret, shown this once; stored encrypted (secret.cipher.ts). */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly cipher: SecretCipher,
    private readonly policy: TargetAddressPolicy,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, input }: CreateWebhookCommand): Promise<WebhookEndpointWithSecretView> {
    const tenantId = ctx.tenantId;
    const record = endpointRecord(input, this.policy);
    await assertPublicTarget(this.policy, record.url);
    const secret = SecretCipher.newSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.endpoints.insert(manager, tenantId, newId(), record, this.cipher.encrypt(secret));
      await this.audit.record(manager, tenantId, {
        action: 'webhook.created',
        resource: { type: 'webhook', id: inserted.id },
        before: null,
        after: webhookValues(toEndpointView(inserted)),
      });
      return inserted;
    });
    return { ...toEndpointView(row), secret };
  }
}
