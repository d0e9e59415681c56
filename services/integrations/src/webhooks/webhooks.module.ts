import { Module } from '@nestjs/common';
import { INTEGRATIONS_ENV, loadIntegrationsEnv } from '../config/integrations.env';
import type { IntegrationsEnv } from '../config/integrations.env';
import { CreateWebhookHandler } from './create-webhook.handler';
import { DeleteWebhookHandler } from './delete-webhook.handler';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryLogPruner } from './delivery-log.pruner';
import { DeliveryRepository } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';
import { EventIntakeConsumer } from './event-intake.consumer';
import { GetWebhookHandler } from './get-webhook.handler';
import { ListDeliveriesHandler } from './list-deliveries.handler';
import { ListWebhooksHandler } from './list-webhooks.handler';
import { RedeliverHandler } from './redeliver.handler';
import { ReplayWebhookHandler } from './replay-webhook.handler';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret.handler';
import { SecretCipher } from './secret.cipher';
import { SecretKeyRotation } from './secret-key.rotation';
import { SigningSecrets } from './signing.secrets';
import { StreamReplayReader } from './stream-replay.reader';
import { TargetAddressPolicy } from './target-address.policy';
import { TestWebhookHandler } from './test-webhook.handler';
import { UpdateWebhookHandler } from './update-webhook.handler';
import { WebhookMetrics } from './webhook.metrics';
import { WebhooksMessages } from './webhooks.messages';

/** Endpoints (RPC for the gateway), the intake of events from the stream and the delivery workers. */
@Module({
  controllers: [WebhooksMessages],
  providers: [
    { provide: INTEGRATIONS_ENV, useFactory: loadIntegrationsEnv },
    {
      provide: SecretCipher,
      useFactory: (env: IntegrationsEnv) => new SecretCipher(env.WEBHOOK_SECRETS_KEY, env.previousSecretsKeys),
      inject: [INTEGRATIONS_ENV],
    },
    {
      provide: TargetAddressPolicy,
      useFactory: (env: IntegrationsEnv) => new TargetAddressPolicy(env.allowPrivateTargets),
      inject: [INTEGRATIONS_ENV],
    },
    SigningSecrets,
    SecretKeyRotation,
    EndpointRepository,
    DeliveryRepository,
    WebhookMetrics,
    DeliveryDispatcher,
    DeliveryLogPruner,
    EventIntakeConsumer,
    StreamReplayReader,
    ListWebhooksHandler,
    GetWebhookHandler,
    CreateWebhookHandler,
    UpdateWebhookHandler,
    DeleteWebhookHandler,
    RotateWebhookSecretHandler,
    TestWebhookHandler,
    ListDeliveriesHandler,
    RedeliverHandler,
    ReplayWebhookHandler,
  ],
})
export class WebhooksModule {}
