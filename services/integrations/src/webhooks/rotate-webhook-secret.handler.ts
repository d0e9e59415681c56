import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext, WebhookEndpointWithSecretView } from '@warden/contracts';
import { EndpointRepository, toEndpointView } from './endpoint.repository';
import { SecretCipher } from './secret.cipher';
import { existingEndpoint } from './webhook-endpoint.record';

/** After a rotation the old secret keeps signing (next to the new one) this long, so receivers can switch over. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600 * 1000;

export class RotateWebhookSecretCommand extends Command<WebhookEndpointWithSecretView> {
  constructor(
    readonly ctx: RequestContext,
    readonly endpointId: string,
  ) {
    super();
  }
}

/** A new signing secret, shown this once. */
@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly cipher: SecretCipher,
  ) {}

  async execute({ ctx, endpointId }: RotateWebhookSecretCommand): Promise<WebhookEndpointWithSecretView> {
    const tenantId = ctx.tenantId;
    const secret = SecretCipher.newSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      await existingEndpoint(this.endpoints, manager, tenantId, endpointId, true);
      return this.endpoints.rotateSecret(
        manager,
        tenantId,
        endpointId,
        this.cipher.encrypt(secret),
        new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS),
      );
    });
    return { ...toEndpointView(row), secret };
  }
}
