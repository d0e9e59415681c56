import { Injectable, Logger } from '@nestjs/common';
import type { PolicyChange } from '@warden/contracts';

/** How long the answer to a policy change waits for its announcement; past it, the caches' TTL is the safety net. */
export const ANNOUNCEMENT_WAIT_MS = 2000;
/** Announcements remembered (tenant and version), for an answer that arrives after its announcement did. */
const REMEMBERED = 10_000;

/**
 * The policy changes this gateway has heard announced on the bus (`permissions.policy.changed.v1`, which every
 * gateway and permissions replica subscribes to). A gateway that made a change answers it only once it hears the
 * change's own announcement: by then NATS has handed the same message to every other subscriber, so their cached
 * decisions are gone before the caller's next request, whichever gateway it reaches. Without this wait another
 * gateway kept answering from its cache until the outbox relay's publish arrived, after the answer.
 */
@Injectable()
export class PolicyAnnouncements {
  private readonly logger = new Logger(PolicyAnnouncements.name);
  private readonly heard = new Set<string>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly waitMs = ANNOUNCEMENT_WAIT_MS) {}

  /** A change announced on the bus. */
  record(tenantId: string, policyVersion: number): void {
    const key = `${tenantId}:${policyVersion}`;
    this.heard.add(key);
    // Sets iterate in insertion order: forget the oldest.
    if (this.heard.size > REMEMBERED) this.heard.delete(this.heard.values().next().value!);
    for (const resolve of this.waiting.get(key) ?? []) resolve();
    this.waiting.delete(key);
  }

  /**
   * Resolves once `change` has been announced (true), or after the wait (false). A change that bumped nothing (no
   * version, no one affected) is announced by nobody and resolves at once.
   */
  async announced(tenantId: string, change: PolicyChange): Promise<boolean> {
    if (change.policyVersion <= 0 || change.affectedPersonIds?.length === 0) return true;
    const key = `${tenantId}:${change.policyVersion}`;
    if (this.heard.has(key)) return true;
    let timer: NodeJS.Timeout | undefined;
    let wake: () => void = () => undefined;
    const heard = await Promise.race([
      new Promise<true>((resolve) => {
        wake = () => resolve(true);
        this.waiting.set(key, [...(this.waiting.get(key) ?? []), wake]);
      }),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.waitMs))),
    ]);
    clearTimeout(timer);
    const left = (this.waiting.get(key) ?? []).filter((waiter) => waiter !== wake);
    if (left.length > 0) this.waiting.set(key, left);
    else this.waiting.delete(key);
    if (!heard)
      this.logger.warn(
        `Policy version ${change.policyVersion} of tenant ${tenantId} not announced within ${this.waitMs} ms; answering anyway`,
      );
    return heard;
  }
}
