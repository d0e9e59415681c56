import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { AuthErrors } from '../auth/auth.errors';
import { SessionRepository } from '../sessions/session.repository';
import { PresenceTracker } from './presence.tracker';

@Controller()
export class PresenceMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
  ) {}

  /** A live session says "still here": the person is online until the sweeper sees silence. */
  @RpcHandler('identity.presence.heartbeat')
  async heartbeat(@Payload() message: RpcMessage<'identity.presence.heartbeat'>): Promise<{ presence: 'online' }> {
    const { tenantId } = message.ctx;
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findLiveSession(manager, tenantId, message.data.sessionId);
      if (!session) throw AuthErrors.sessionEnded();
      await this.presence.seen(manager, tenantId, session.person_id);
    });
    return { presence: 'online' };
  }
}
