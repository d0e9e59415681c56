import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import type { AccessTokenClaims, RequestContext, TokenPair } from '@warden/contracts';
import { hasAccess } from '../people/person.mapper';
import { PersonRepository } from '../people/person.repository';
import { PresenceTracker } from '../presence/presence.tracker';
import { outlastSessionLeases } from '../sessions/session-lease';
import { SessionRepository } from '../sessions/session.repository';
import { endSession } from '../sessions/session-end';
import { TenantRepository } from '../tenants/tenant.repository';
import { AuthErrors } from './auth.errors';
import { hashRefreshToken, TokenIssuer } from './token.issuer';
import type { RefreshSecret } from './token.issuer';

type Outcome = { ok: true; claims: AccessTokenClaims; refresh: RefreshSecret } | { ok: false; error: DomainError; ended?: true };

export class RefreshCommand extends Command<TokenPair> {
  constructor(
    /** Nobody is signed in: the token itself names the session, its tenant and person. */
    readonly ctx: RequestContext,
    readonly refreshToken: string,
  ) {
    super();
  }
}

/**
 * Rotation: each refresh token works once and is replaced by a new one of the same session family.
 * A token presented a second time means it leaked: the whole family is revoked (committed first,
 * then refused), so the thief's newer token dies too.
 */
@CommandHandler(RefreshCommand)
export class RefreshHandler implements ICommandHandler<RefreshCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly people: PersonRepository,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
    private readonly tokens: TokenIssuer,
  ) {}

  async execute({ refreshToken }: RefreshCommand): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction((manager) => this.rotate(manager, hashRefreshToken(refreshToken)));
    if (!outcome.ok) {
      if (outcome.ended) await outlastSessionLeases();
      throw outcome.error;
    }
    return this.tokens.pair(outcome.claims, outcome.refresh);
  }

  private async rotate(manager: EntityManager, tokenHash: string): Promise<Outcome> {
    const token = await this.sessions.findTokenForUpdate(manager, tokenHash);
    if (!token) return { ok: false, error: AuthErrors.refreshInvalid() };
    if (token.used_at) {
      await this.endFamily(manager, token.tenant_id, token.session_id, token.person_id);
      return { ok: false, error: AuthErrors.refreshReused(), ended: true };
    }
    if (token.revoked_at || token.session_revoked_at || token.expires_at.getTime() <= Date.now()) {
      return { ok: false, error: AuthErrors.refreshInvalid() };
    }
    const person = await this.people.findById(manager, token.tenant_id, token.person_id);
    const tenant = await this.tenants.findById(manager, token.tenant_id);
    if (!person || !tenant || person.deleted_at) {
      await this.endFamily(manager, token.tenant_id, token.session_id, token.person_id);
      return { ok: false, error: AuthErrors.refreshInvalid(), ended: true };
    }
    if (!hasAccess(person)) {
      await this.endFamily(manager, token.tenant_id, token.session_id, token.person_id);
      return { ok: false, error: AuthErrors.noAccess(), ended: true };
    }
    await this.sessions.markUsed(manager, token.id);
    const refresh = this.tokens.newRefreshSecret();
    await this.sessions.insertToken(manager, {
      id: newId(),
      sessionId: token.session_id,
      tenantId: token.tenant_id,
      personId: token.person_id,
      tokenHash: refresh.hash,
      parentId: token.id,
      expiresAt: refresh.expiresAt,
    });
    return { ok: true, claims: { sub: person.id, tid: tenant.id, tsl: tenant.slug, kind: person.kind, sid: token.session_id }, refresh };
  }

  private async endFamily(manager: EntityManager, tenantId: string, sessionId: string, personId: string): Promise<void> {
    await endSession({ sessions: this.sessions, presence: this.presence }, manager, tenantId, sessionId, 'refresh-reuse', personId);
  }
}
