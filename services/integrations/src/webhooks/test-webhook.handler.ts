import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { WEBHOOK_TEST_EVENT_TYPE } from '@warden/contracts';
import type { CloudEvent, RequestContext, WebhookTestResultView } from '@warden/contracts';
import { EndpointRepository } from './endpoint.repository';
import { SigningSecrets } from './signing.secrets';
import { TargetAddressPolicy } from './target-address.policy';
import { existingEndpoint } from './webhook-endpoint.record';
import { sendWebhook } from './webhook.sender';

export class TestWebhookCommand extends Command<WebhookTestResultView> {
  constructor(
    readonly ctx: RequestContext,
    readonly endpointId: string,
  ) {
    super();
  }
}

/** Sends a ping at once, outside the queue, and reports how the receiver answered. */
@CommandHandler(TestWebhookCommand)
export class TestWebhookHandler implements ICommandHandler<TestWebhookCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointRepository,
    private readonly secrets: SigningSecrets,
    private readonly policy: TargetAddressPolicy,
  ) {}

  async execute({ ctx, endpointId }: TestWebhookCommand): Promise<WebhookTestResultView> {
    const tenantId = ctx.tenantId;
    const endpoint = await existingEndpoint(this.endpoints, this.dataSource.manager, tenantId, endpointId);
    const now = new Date();
    const ping: CloudEvent<{ endpointId: string }> = {
      specversion: '1.0',
      id: newId(now.getTime()),
      source: '/warden/integrations',
      type: WEBHOOK_TEST_EVENT_TYPE,
      time: now.toISOString(),
      subject: endpoint.id,
      datacontenttype: 'application/json',
      tenantid: tenantId,
      data: { endpointId: endpoint.id },
    };
    const outcome = await sendWebhook(
      endpoint.url,
      {
        id: ping.id,
        body: JSON.stringify(ping),
        secrets: this.secrets.of(endpoint.secret, endpoint.previous_secret, endpoint.previous_secret_until),
      },
      this.policy,
    );
    return { statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, error: outcome.error };
  }
}
