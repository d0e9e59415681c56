import type { Principal } from './principal';

interface Entry {
  principal: Principal;
  /** The token's `exp` in ms: the entry is never served at or after it. */
  expiresAtMs: number;
}

/**
 * Principals of access tokens whose signature was already verified, until the token's own `exp`
 * (never longer), so a client sending the same token on every request pays for HMAC and claim
 * checks once. Only verified tokens get in: a forged one is verified (and refused) every time.
 * Bounded: when full, the entry stored longest ago goes (Maps iterate in insertion order).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 10_000) {}

  get(token: string, now = Date.now()): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.principal;
  }

  /** `exp` in seconds, as in the token; a token without one is not kept. */
  set(token: string, principal: Principal, exp: number | undefined, now = Date.now()): void {
    if (typeof exp !== 'number' || exp * 1000 <= now || this.maxEntries === 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { principal, expiresAtMs: exp * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}
