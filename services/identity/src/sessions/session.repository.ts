import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { OutgoingEvent, SessionRef, SessionRevocationReason } from '@warden/contracts';
import { IDENTITY_ENV } from '../config/identity.env';
import type { IdentityEnv } from '../config/identity.env';
import { queryRows } from '../people/sql';
import { sessionsRevoked } from './session.events';

export interface RefreshTokenRow {
  id: string;
  session_id: string;
  tenant_id: string;
  person_id: string;
  parent_id: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  session_revoked_at: Date | null;
}

export interface SessionRow {
  id: string;
  tenant_id: string;
  person_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

/**
 * A session is one sign-in: the family of refresh tokens rotated from its first one. Every revocation is
 * announced (`identity.sessions.revoked.v1`, same transaction), so gateways stop accepting the session's
 * access tokens at once instead of when they expire.
 */
@Injectable()
export class SessionRepository {
  constructor(
    private readonly events: EventBus<OutgoingEvent>,
    @Inject(IDENTITY_ENV) private readonly env: IdentityEnv,
  ) {}

  async createSession(manager: EntityManager, session: { id: string; tenantId: string; personId: string; expiresAt: Date }): Promise<void> {
    await manager.query('INSERT INTO sessions (id, tenant_id, person_id, expires_at) VALUES ($1, $2, $3, $4)', [
      session.id,
      session.tenantId,
      session.personId,
      session.expiresAt,
    ]);
  }

  async insertToken(
    manager: EntityManager,
    token: {
      id: string;
      sessionId: string;
      tenantId: string;
      personId: string;
      tokenHash: string;
      parentId: string | null;
      expiresAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refresh_tokens (id, session_id, tenant_id, person_id, token_hash, parent_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [token.id, token.sessionId, token.tenantId, token.personId, token.tokenHash, token.parentId, token.expiresAt],
    );
    // The session lives as long as its newest refresh token.
    await manager.query('UPDATE sessions SET expires_at = $2 WHERE id = $1', [token.sessionId, token.expiresAt]);
  }

  /** Locks the token row, so two refreshes of the same token are decided one after the other. */
  async findTokenForUpdate(manager: EntityManager, tokenHash: string): Promise<RefreshTokenRow | null> {
    const rows = await queryRows<RefreshTokenRow>(
      manager,
      `SELECT t.id, t.session_id, t.tenant_id, t.person_id, t.parent_id, t.expires_at, t.used_at, t.revoked_at, s.revoked_at AS session_revoked_at
       FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = $1 FOR UPDATE OF t`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async markUsed(manager: EntityManager, tokenId: string): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [tokenId]);
  }

  /** Ends one session: it and every token of its family stop working. Answer only after outlastSessionLeases. */
  async revokeSession(
    manager: EntityManager,
    tenantId: string,
    sessionId: string,
    reason: SessionRevocationReason,
  ): Promise<SessionRow | null> {
    const columns = 'id, tenant_id, person_id, expires_at, revoked_at';
    const [revoked] = await queryRows<SessionRow>(
      manager,
      `UPDATE sessions SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING ${columns}`,
      [tenantId, sessionId],
    );
    await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE session_id = $1 AND revoked_at IS NULL', [sessionId]);
    if (revoked) {
      await this.announce(manager, tenantId, revoked.person_id, [revoked.id], reason);
      return revoked;
    }
    // Ended before (a second sign-out): nothing new to announce.
    const [earlier] = await queryRows<SessionRow>(manager, `SELECT ${columns} FROM sessions WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      sessionId,
    ]);
    return earlier ?? null;
  }

  /** Ends every live session of the person; answers how many it ended (then wait with outlastSessionLeases before answering). */
  async revokeAllOfPerson(manager: EntityManager, tenantId: string, personId: string, reason: SessionRevocationReason): Promise<number> {
    const revoked = await queryRows<{ id: string }>(
      manager,
      'UPDATE sessions SET revoked_at = now() WHERE tenant_id = $1 AND person_id = $2 AND revoked_at IS NULL RETURNING id',
      [tenantId, personId],
    );
    await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE tenant_id = $1 AND person_id = $2 AND revoked_at IS NULL', [
      tenantId,
      personId,
    ]);
    await this.announce(
      manager,
      tenantId,
      personId,
      revoked.map((row) => row.id),
      reason,
    );
    return revoked.length;
  }

  private async announce(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    sessionIds: string[],
    reason: SessionRevocationReason,
  ): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.events.publish(sessionsRevoked({ tenantId, personId, sessionIds, reason }, this.env.ACCESS_TOKEN_TTL_SECONDS), manager);
  }

  async findLiveSession(manager: EntityManager, tenantId: string, sessionId: string): Promise<SessionRow | null> {
    const rows = await queryRows<SessionRow>(
      manager,
      `UPDATE sessions SET last_seen_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL AND expires_at > now()
       RETURNING id, tenant_id, person_id, expires_at, revoked_at`,
      [tenantId, sessionId],
    );
    return rows[0] ?? null;
  }

  /**
   * The ids of those sessions that are live: not revoked, not expired, and of the tenant and person the token
   * names. Every way a session ends (sign-out, refresh-token reuse, deletion, access removed, portal access revoked)
   * sets `revoked_at` in the transaction that answers it, so this read never lags behind an ending answer.
   * Primary-key lookups only, no write: the gateway asks this on every request.
   */
  async liveSessionIds(manager: EntityManager, sessions: readonly SessionRef[]): Promise<string[]> {
    if (sessions.length === 0) return [];
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT s.id FROM sessions s
       JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS asked (id, tenant_id, person_id)
         ON s.id = asked.id AND s.tenant_id = asked.tenant_id AND s.person_id = asked.person_id
       WHERE s.revoked_at IS NULL AND s.expires_at > now()`,
      [sessions.map((s) => s.sessionId), sessions.map((s) => s.tenantId), sessions.map((s) => s.personId)],
    );
    return rows.map((row) => row.id);
  }

  async hasLiveSession(manager: EntityManager, tenantId: string, personId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      'SELECT id FROM sessions WHERE tenant_id = $1 AND person_id = $2 AND revoked_at IS NULL AND expires_at > now() LIMIT 1',
      [tenantId, personId],
    );
    return rows.length > 0;
  }
}
