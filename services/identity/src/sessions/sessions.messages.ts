import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { EndPeopleSessionsHandler } from './end-people-sessions.handler';
import { SESSION_LEASE_MS } from './session-lease';
import { SessionRepository } from './session.repository';

@Controller()
export class SessionsMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly endPeopleSessions: EndPeopleSessionsHandler,
  ) {}

  /** Which sessions are live; the ids not answered are not. */
  @RpcHandler('identity.sessions.check')
  async check(@Payload() message: RpcMessage<'identity.sessions.check'>): Promise<{ live: string[]; leaseMs: number }> {
    return { live: await this.sessions.liveSessionIds(this.dataSource.manager, message.data.sessions), leaseMs: SESSION_LEASE_MS };
  }

  /** Ends the sessions of people barred from login; answers after the lease wait (see EndPeopleSessionsHandler). */
  @RpcHandler('identity.sessions.end-for-people')
  endForPeople(@Payload() message: RpcMessage<'identity.sessions.end-for-people'>): Promise<{ ended: number }> {
    return this.endPeopleSessions.execute(message.ctx.tenantId, message.data.personIds, message.data.reason);
  }
}
