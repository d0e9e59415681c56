import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { SessionRef } from '@warden/contracts';
import type { Principal } from './principal';

/** Sessions per request to identity; more waiting ones go in further requests sent at the same moment. */
const MAX_BATCH = 500;

interface Waiting {
  ref: SessionRef;
  requestId: string;
  resolve: (live: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Asks identity, for every authenticated request, whether its session is still live, so a session ended by any
 * answer (sign-out, refresh-token reuse, deletion, access removed, portal access revoked) is refused by every
 * gateway on the next request — identity commits the end before it answers, and this read happens after the
 * next request arrived. Nothing is cached: a cached "live" could outlive the answer that ended it.
 *
 * The checks of one event-loop turn travel together in one request-reply (`identity.sessions.check`), so under
 * load the cost is one round trip per turn, not per request. Joining a batch is safe because a batch is sent
 * only after every request in it arrived; joining a check already on its way would not be. Identity silent or
 * down: the BusClient's 503, never a yes.
 */
@Injectable()
export class LiveSessionCheck {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly bus: BusClient) {}

  isLive(principal: Principal, requestId: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.waiting.push({
        ref: { tenantId: principal.tenantId, personId: principal.personId, sessionId: principal.sessionId },
        requestId,
        resolve,
        reject,
      });
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
    for (const { ref } of batch) sessions.set(`${ref.sessionId}:${ref.tenantId}:${ref.personId}`, ref);
    try {
      // Log lines of the check carry the first request's id; the others find it by time and session.
      const ctx = { tenantId: '', actorId: null, requestId: batch[0]!.requestId };
      const { live } = await this.bus.request('identity.sessions.check', ctx, { sessions: [...sessions.values()] });
      const liveIds = new Set(live);
      for (const waiting of batch) waiting.resolve(liveIds.has(waiting.ref.sessionId));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
