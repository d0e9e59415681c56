import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { SessionRef } from '@warden/contracts';
import type { Principal } from './principal';

/** Sessions per request to identity; more waiting ones go in further requests sent at the same moment. */
const MAX_BATCH = 500;
/** Leases kept at most; beyond, the one taken longest ago goes (the session is then simply asked about again). */
const MAX_LEASES = 100_000;

interface Waiting {
  key: string;
  ref: SessionRef;
  requestId: string;
  resolve: (live: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Whether the session of an authenticated request is still live, decided by identity, so a session ended by any
 * answer (sign-out, refresh-token reuse, deletion, access removed, portal access revoked) is refused by every
 * gateway on the first request after that answer, whether or not an event has arrived.
 *
 * Identity answers "live" with a lease (`leaseMs`, counted here from when the check was sent) and holds back every
 * answer that ends sessions that long after its commit (services/identity/src/sessions/session-lease.ts). So a
 * lease taken before the end has run out before the ending answer leaves identity: within it the session is taken
 * as live without asking, after it the next request asks again. Nothing else is cached; "ended" is never leased
 * (AccessTokenVerifier remembers it in SessionRevocations).
 *
 * The checks of one event-loop turn travel together in one request-reply (`identity.sessions.check`). Joining a
 * batch is safe because a batch is sent only after every request in it arrived; joining a check already on its
 * way would not be. Identity silent or down: the BusClient's 503, never a yes.
 */
@Injectable()
export class LiveSessionCheck {
  private waiting: Waiting[] = [];
  private scheduled = false;
  /** Session key → until when (performance.now() ms) it is known live. */
  private readonly leases = new Map<string, number>();

  constructor(private readonly bus: BusClient) {}

  isLive(principal: Principal, requestId: string): Promise<boolean> {
    const ref: SessionRef = { tenantId: principal.tenantId, personId: principal.personId, sessionId: principal.sessionId };
    const key = `${ref.sessionId}:${ref.tenantId}:${ref.personId}`;
    const leasedUntil = this.leases.get(key);
    if (leasedUntil !== undefined) {
      if (performance.now() < leasedUntil) return Promise.resolve(true);
      this.leases.delete(key);
    }
    return new Promise<boolean>((resolve, reject) => {
      this.waiting.push({ key, ref, requestId, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const waiting = this.waiting;
    this.waiting = [];
    for (let start = 0; start < waiting.length; start += MAX_BATCH) void this.send(waiting.slice(start, start + MAX_BATCH));
  }

  private async send(batch: Waiting[]): Promise<void> {
    const sessions = new Map<string, SessionRef>();
    for (const { key, ref } of batch) sessions.set(key, ref);
    // The lease runs from here: identity's read, and so any end it did not see, comes after this moment.
    const sentAt = performance.now();
    try {
      // Log lines of the check carry the first request's id; the others find it by time and session.
      const ctx = { tenantId: '', actorId: null, requestId: batch[0]!.requestId };
      const { live, leaseMs } = await this.bus.request('identity.sessions.check', ctx, { sessions: [...sessions.values()] });
      const liveIds = new Set(live);
      const until = sentAt + (typeof leaseMs === 'number' && leaseMs > 0 ? leaseMs : 0);
      if (until > performance.now()) {
        for (const [key, ref] of sessions) if (liveIds.has(ref.sessionId)) this.lease(key, until);
      }
      for (const waiting of batch) waiting.resolve(liveIds.has(waiting.ref.sessionId));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  private lease(key: string, until: number): void {
    this.leases.delete(key);
    if (this.leases.size >= MAX_LEASES) this.leases.delete(this.leases.keys().next().value!);
    this.leases.set(key, until);
  }
}
