const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The waits between attempts (`WEBHOOK_RETRY_SCHEDULE`), with jitter so many failing deliveries do not retry in lockstep. */
export class RetrySchedule {
  constructor(readonly delaysMs: readonly number[]) {}

  static parse(text: string): RetrySchedule {
    const delays = text.split(',').map((part) => {
      const match = /^(\d+)(ms|s|m|h|d)$/.exec(part.trim());
      if (!match) throw new Error(`Bad retry delay "${part}"`);
      return Number(match[1]) * UNIT_MS[match[2]!]!;
    });
    return new RetrySchedule(delays);
  }

  /** How long an endpoint may fail without one success before it is disabled: the whole schedule. */
  get windowMs(): number {
    return this.delaysMs.reduce((sum, delay) => sum + delay, 0);
  }

  /** The wait before the next attempt after `attempts` failed ones, or null when retries are used up. */
  nextDelayMs(attempts: number, random: () => number = Math.random): number | null {
    const base = this.delaysMs[attempts - 1];
    if (base === undefined) return null;
    // ±10 %: spreads retries without moving them far from the documented schedule.
    return Math.max(0, Math.round(base * (0.9 + 0.2 * random())));
  }
}
