import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';

/** The integrations service's HTTP API: webhook endpoints and their deliveries. */
@Module({ controllers: [WebhooksController] })
export class WebhooksModule {}
