import { Module } from '@nestjs/common';
import { RealtimeAuth } from './realtime.auth';
import { RealtimeController } from './realtime.controller';
import { RealtimeHub } from './realtime.hub';
import { RealtimeMetrics } from './realtime.metrics';

/** Server-Sent Events for chats and inquiries, filtered by the inquiries service's visibility rule. */
@Module({ controllers: [RealtimeController], providers: [RealtimeAuth, RealtimeHub, RealtimeMetrics] })
export class RealtimeModule {}
