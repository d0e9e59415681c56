import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { LoginData, RequestContext, TokenPair } from '@warden/contracts';
import { PasswordHasher } from '../people/password.hasher';
import { PersonRepository } from '../people/person.repository';
import { PresenceTracker } from '../presence/presence.tracker';
import { SessionRepository } from '../sessions/session.repository';
import { endSession } from '../sessions/session-end';
import { TenantRepository } from '../tenants/tenant.repository';
import { AuthErrors } from './auth.errors';
import { TokenIssuer } from './token.issuer';

export class LoginCommand extends Command<TokenPair> {
  constructor(
    /** Nobody is signed in yet: only the request id is used (the tenant comes from the data). */
    readonly ctx: RequestContext,
    readonly data: LoginData,
  ) {
    super();
  }
}

/**
 * Password sign-in. The account is proven first (the same answer for every kind of miss, and the
 * same time spent), then access is checked: the person's own flag, then the permissions service
 * (a group may be barred from login). Only then a session starts (and the bar is read once more after it did).
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    private readonly bus: BusClient,
  ) {}

  async execute({ ctx: { requestId }, data }: LoginCommand): Promise<TokenPair> {
    const tenant = await this.tenants.findBySlug(this.dataSource.manager, data.tenant);
    const person = tenant ? await this.people.findActiveByEmail(this.dataSource.manager, tenant.id, data.email) : null;
    if (!tenant || !person?.password_hash) {
      await this.hasher.verifyNothing(data.password);
      throw AuthErrors.invalidCredentials();
    }
    if (!(await this.hasher.verify(person.password_hash, data.password))) throw AuthErrors.invalidCredentials();
    if (!person.access_enabled) throw AuthErrors.noAccess();

    const ctx: RequestContext = { tenantId: tenant.id, actorId: person.id, requestId };
    const decision = await this.bus.request('permissions.check', ctx, { personId: person.id, action: 'auth.login' });
    if (!decision.allowed) throw AuthErrors.loginRefused(decision);

    const sessionId = newId();
    const refresh = this.tokens.newRefreshSecret();
    await this.dataSource.transaction(async (manager) => {
      await this.people.recordLogin(manager, tenant.id, person.id);
      await this.presence.seen(manager, tenant.id, person.id);
      await this.sessions.createSession(manager, { id: sessionId, tenantId: tenant.id, personId: person.id, expiresAt: refresh.expiresAt });
      await this.sessions.insertToken(manager, {
        id: newId(),
        sessionId,
        tenantId: tenant.id,
        personId: person.id,
        tokenHash: refresh.hash,
        parentId: null,
        expiresAt: refresh.expiresAt,
      });
    });
    await this.refuseIfBarredMeanwhile(ctx, person.id, sessionId);
    return this.tokens.pair({ sub: person.id, tid: tenant.id, tsl: tenant.slug, kind: person.kind, sid: sessionId }, refresh);
  }

  /**
   * A login bar committed between the check above and this session's commit ended the person's sessions before this
   * one existed. So the bar is read again, from the committed memberships, once the session is committed: either
   * this read sees the bar, and the session ends here, or the bar commits later and the session end that follows it
   * (`identity.sessions.end-for-people`) finds this session.
   */
  private async refuseIfBarredMeanwhile(ctx: RequestContext, personId: string, sessionId: string): Promise<void> {
    const [refusal] = await this.bus.request('permissions.sign-in.refusals', ctx, { personIds: [personId] });
    if (!refusal) return;
    await this.dataSource.transaction((manager) =>
      endSession({ sessions: this.sessions, presence: this.presence }, manager, ctx.tenantId, sessionId, 'login-barred', personId),
    );
    throw AuthErrors.loginRefused(refusal);
  }
}
