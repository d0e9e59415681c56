import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { SessionRef } from '@warden/contracts';
import { SESSION_LEASE_MS } from './session-lease';
import { SessionRepository } from './session.repository';

/** Sessions of any tenants (the asker's own tenant plays no part), as a gateway holds them. */
export class CheckSessionsQuery extends Query<{ live: string[]; leaseMs: number }> {
  constructor(readonly sessions: readonly SessionRef[]) {
    super();
  }
}

/** Which sessions are live; the ids not answered are not. */
@QueryHandler(CheckSessionsQuery)
export class CheckSessionsHandler implements IQueryHandler<CheckSessionsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
  ) {}

  async execute({ sessions }: CheckSessionsQuery): Promise<{ live: string[]; leaseMs: number }> {
    return { live: await this.sessions.liveSessionIds(this.dataSource.manager, sessions), leaseMs: SESSION_LEASE_MS };
  }
}
