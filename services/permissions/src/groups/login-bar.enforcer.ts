import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { GroupsRepository } from './groups.repository';

/**
 * A login bar ends sessions, not only sign-ins: once a change that bars people (a group barred, people put into a
 * barred group) has committed, identity ends those people's sessions, and the change is answered only after
 * identity has (identity answers once no gateway can still take those sessions as live). So every gateway refuses
 * a barred person on the first request after the answer, on any route. Lifting the bar brings no session back.
 * Runs after the commit, from the committed memberships: a retried change whose first answer was lost (identity
 * unreachable) ends what is still live.
 */
@Injectable()
export class LoginBarEnforcer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly bus: BusClient,
  ) {}

  /** Ends the sessions of those of `personIds` who are now in a barred group. */
  async endBarredSessions(ctx: RequestContext, personIds: readonly string[]): Promise<void> {
    const barred = await this.groups.barredAmong(this.dataSource.manager, ctx.tenantId, personIds);
    if (barred.length === 0) return;
    await this.bus.request('identity.sessions.end-for-people', ctx, { personIds: barred, reason: 'login-barred' });
  }

  /** After a change of the group: all its members when it is barred now. */
  async afterGroupChange(ctx: RequestContext, group: { id: string; loginBarred: boolean }): Promise<void> {
    if (!group.loginBarred) return;
    await this.endBarredSessions(ctx, await this.groups.memberIds(this.dataSource.manager, ctx.tenantId, group.id));
  }
}
