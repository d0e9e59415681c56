const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** ±10 %: spreads retries without moving them far from the documented schedule. */
const JITTER = 0.1;

/** `250ms`, `5s`, `30m`, `2h`, `30d` in milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new Error(`Bad duration "${text}"`);
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

/** The waits between attempts (`WEBHOOK_RETRY_SCHEDULE`), with jitter so many failing deliveries do not retry in lockstep. */
export class RetrySchedule {
  constructor(readonly delaysMs: readonly number[]) {}

  static parse(text: string): RetrySchedule {
    return new RetrySchedule(text.split(',').map(parseDuration));
  }

  /** How long an endpoint may fail without one success before it is disabled: the whole schedule. */
  get windowMs(): number {
    return this.delaysMs.reduce((sum, delay) => sum + delay, 0);
  }

  /** The shortest time a delivery can take to use up its retries: the whole schedule with every wait jittered down. */
  get shortestWindowMs(): number {
    return Math.round(this.windowMs * (1 - JITTER));
  }

  /** The wait before the next attempt after `attempts` failed ones, or null when retries are used up. */
  nextDelayMs(attempts: number, random: () => number = Math.random): number | null {
    const base = this.delaysMs[attempts - 1];
    if (base === undefined) return null;
    return Math.max(0, Math.round(base * (1 - JITTER + 2 * JITTER * random())));
  }
}
