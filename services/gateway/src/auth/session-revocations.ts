import { Injectable } from '@nestjs/common';

/** Beyond this many entries, expired ones are swept on the next write (a sign-out storm stays bounded by TTL). */
const SWEEP_ABOVE = 10_000;

/**
 * Sessions ended before their access tokens expire (sign-out, a leaked refresh token, a person deleted or
 * locked out). Each entry lives only until none of the session's tokens can be valid any more, so the list
 * holds at most one access-token lifetime of revocations.
 */
@Injectable()
export class SessionRevocations {
  private readonly until = new Map<string, number>();

  revoke(sessionId: string, tokensExpireByMs: number): void {
    const known = this.until.get(sessionId) ?? 0;
    if (tokensExpireByMs > known) this.until.set(sessionId, tokensExpireByMs);
    if (this.until.size > SWEEP_ABOVE) this.sweep(Date.now());
  }

  isRevoked(sessionId: string, now = Date.now()): boolean {
    const until = this.until.get(sessionId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(sessionId);
    return false;
  }

  get size(): number {
    return this.until.size;
  }

  private sweep(now: number): void {
    for (const [sessionId, until] of this.until) if (until <= now) this.until.delete(sessionId);
  }
}
