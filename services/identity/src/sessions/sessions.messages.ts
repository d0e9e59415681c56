import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { SessionRef } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { EndPeopleSessionsHandler } from './end-people-sessions.handler';
import { SESSION_LEASE_MS } from './session-lease';
import { SessionErrors } from './session.errors';
import { SessionRepository } from './session.repository';

/** At most this many sessions in one check (a gateway batches the requests of one event-loop turn). */
const MAX_SESSIONS = 1000;

function isSessionRef(value: unknown): value is SessionRef {
  const ref = value as Partial<SessionRef> | null;
  return typeof ref === 'object' && ref !== null && isUuid(ref.sessionId) && isUuid(ref.tenantId) && isUuid(ref.personId);
}

@Controller()
export class SessionsMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly endPeopleSessions: EndPeopleSessionsHandler,
  ) {}

  /** Which sessions are live; anything malformed is simply not live (the gateway refuses it). */
  @RpcHandler('identity.sessions.check')
  async check(@Payload() message: RpcMessage<'identity.sessions.check'>): Promise<{ live: string[]; leaseMs: number }> {
    const asked = Array.isArray(message.data?.sessions) ? message.data.sessions.slice(0, MAX_SESSIONS).filter(isSessionRef) : [];
    return { live: await this.sessions.liveSessionIds(this.dataSource.manager, asked), leaseMs: SESSION_LEASE_MS };
  }

  /** Ends the sessions of people barred from login; answers after the lease wait (see EndPeopleSessionsHandler). */
  @RpcHandler('identity.sessions.end-for-people')
  endForPeople(@Payload() message: RpcMessage<'identity.sessions.end-for-people'>): Promise<{ ended: number }> {
    if (!Array.isArray(message.data?.personIds)) throw SessionErrors.personIdsRequired();
    if (message.data.reason !== 'login-barred') throw SessionErrors.reasonUnknown();
    return this.endPeopleSessions.execute(message.ctx.tenantId, message.data.personIds, message.data.reason);
  }
}
