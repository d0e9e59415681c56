import { Module } from '@nestjs/common';
import { INTEGRATIONS_ENV, loadIntegrationsEnv } from '../config/integrations.env';
import type { IntegrationsEnv } from '../config/integrations.env';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryLogPruner } from './delivery-log.pruner';
import { DeliveryRepository } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';
import { EventIntakeConsumer } from './event-intake.consumer';
import { SecretCipher } from './secret.cipher';
import { SecretKeyRotation } from './secret-key.rotation';
import { SigningSecrets } from './signing.secrets';
import { StreamReplayReader } from './stream-replay.reader';
import { WebhookMetrics } from './webhook.metrics';
import { WebhooksMessages } from './webhooks.messages';
import { WebhooksService } from './webhooks.service';

/** Endpoints (RPC for the gateway), the intake of events from the stream and the delivery workers. */
@Module({
  controllers: [WebhooksMessages],
  providers: [
    { provide: INTEGRATIONS_ENV, useFactory: loadIntegrationsEnv },
    { provide: SecretCipher, useFactory: (env: IntegrationsEnv) => new SecretCipher(env.WEBHOOK_SECRETS_KEY, env.previousSecretsKeys), inject: [INTEGRATIONS_ENV] },
    SigningSecrets,
    SecretKeyRotation,
    EndpointRepository,
    DeliveryRepository,
    WebhookMetrics,
    DeliveryDispatcher,
    DeliveryLogPruner,
    EventIntakeConsumer,
    StreamReplayReader,
    WebhooksService,
  ],
})
export class WebhooksModule {}
