import { Injectable, Logger } from '@nestjs/common';

/** Beyond this many entries, expired ones are swept on the next write (a sign-out storm stays bounded by TTL). */
const SWEEP_ABOVE = 10_000;

/** What a client is told about an ended session (401 answers and the realtime stream's last event). */
export const SESSION_ENDED = {
  code: 'AUTH.SESSION_ENDED',
  detail: 'This session has ended (signed out, or access was removed); sign in again',
} as const;

/** Told the id of each session the moment it becomes revoked (once, not again when the news repeats). */
export type SessionRevokedListener = (sessionId: string) => void;

/**
 * Sessions ended before their access tokens expire (sign-out, a leaked refresh token, a person deleted or
 * locked out). Each entry lives only until none of the session's tokens can be valid any more, so the list
 * holds at most one access-token lifetime of revocations. Whatever holds a session open beyond one request
 * (the realtime streams) subscribes with `onRevoked` to end it at once.
 */
@Injectable()
export class SessionRevocations {
  private readonly logger = new Logger(SessionRevocations.name);
  private readonly until = new Map<string, number>();
  private readonly listeners = new Set<SessionRevokedListener>();

  revoke(sessionId: string, tokensExpireByMs: number, now = Date.now()): void {
    const known = this.until.get(sessionId) ?? 0;
    if (tokensExpireByMs > known) this.until.set(sessionId, tokensExpireByMs);
    if (this.until.size > SWEEP_ABOVE) this.sweep(now);
    // The gateway's own sign-out and identity's event both announce the same session; a replayed old event announces nothing live.
    if (known <= now && tokensExpireByMs > now) this.notify(sessionId);
  }

  isRevoked(sessionId: string, now = Date.now()): boolean {
    const until = this.until.get(sessionId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(sessionId);
    return false;
  }

  /** Calls `listener` with every session revoked from now on; returns the unsubscribe function. */
  onRevoked(listener: SessionRevokedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.until.size;
  }

  private notify(sessionId: string): void {
    for (const listener of this.listeners) {
      // A failing subscriber must not fail the sign-out that announced the revocation, nor the other subscribers.
      try {
        listener(sessionId);
      } catch (error) {
        this.logger.warn(`A session revocation subscriber failed: ${String(error)}`);
      }
    }
  }

  private sweep(now: number): void {
    for (const [sessionId, until] of this.until) if (until <= now) this.until.delete(sessionId);
  }
}
