import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { SessionRef } from '@warden/contracts';
import { SESSION_LEASE_MS } from './session-lease';
import { SessionRepository } from './session.repository';

/** At most this many sessions in one check (a gateway batches the requests of one event-loop turn). */
const MAX_SESSIONS = 1000;

function isSessionRef(value: unknown): value is SessionRef {
  const ref = value as Partial<SessionRef> | null;
  return typeof ref === 'object' && ref !== null && isUuid(ref.sessionId) && isUuid(ref.tenantId) && isUuid(ref.personId);
}

/** Sessions of any tenants (the asker's own tenant plays no part), as a gateway holds them. */
export class CheckSessionsQuery extends Query<{ live: string[]; leaseMs: number }> {
  constructor(readonly sessions: readonly SessionRef[]) {
    super();
  }
}

/** Which sessions are live; anything malformed is simply not live (the gateway refuses it). */
@QueryHandler(CheckSessionsQuery)
export class CheckSessionsHandler implements IQueryHandler<CheckSessionsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
  ) {}

  async execute({ sessions }: CheckSessionsQuery): Promise<{ live: string[]; leaseMs: number }> {
    const asked = Array.isArray(sessions) ? sessions.slice(0, MAX_SESSIONS).filter(isSessionRef) : [];
    return { live: await this.sessions.liveSessionIds(this.dataSource.manager, asked), leaseMs: SESSION_LEASE_MS };
  }
}
