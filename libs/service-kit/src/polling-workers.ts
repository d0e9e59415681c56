import { Logger } from '@nestjs/common';

/**
 * A fixed number of workers taking queued work from the database: each runs `attemptOne` until it answers false
 * (nothing due), then sleeps until `wake()` or the poll interval, whichever comes first, so new work starts at once
 * and retries falling due are still found. A failed attempt is logged and the worker goes on. `stop()` wakes the
 * sleepers and waits for the attempts in flight. Used by the webhook and the email dispatchers (integrations).
 */
export class PollingWorkers {
  private readonly logger: Logger;
  private readonly workers: Promise<void>[] = [];
  private wakeUps: Array<() => void> = [];
  private running = false;

  constructor(
    private readonly name: string,
    private readonly attemptOne: () => Promise<boolean>,
    private readonly options: { workers: number; pollIntervalMs: number },
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (let index = 0; index < this.options.workers; index++) this.workers.push(this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.allSettled(this.workers);
  }

  /**
   * New work is queued: idle workers look at once instead of at their next poll — as many as there are new items
   * (`count`), so one queued item does not send every idle worker to the database to find nothing.
   */
  wake(count = Infinity): void {
    for (const resolve of this.wakeUps.splice(0, count)) resolve();
  }

  private async work(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.attemptOne();
      } catch (error) {
        this.logger.warn(`${this.name} attempt failed: ${String(error)}`);
      }
      if (!worked && this.running) await this.idle();
    }
  }

  /** Sleeps until woken or the poll interval; a sleeper that wakes by itself leaves the list, so a count given to `wake` goes to real sleepers. */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const wakeUp = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.wakeUps = this.wakeUps.filter((other) => other !== wakeUp);
        resolve();
      }, this.options.pollIntervalMs);
      timer.unref();
      this.wakeUps.push(wakeUp);
    });
  }

  /** Workers asleep now (for specs). */
  get sleeping(): number {
    return this.wakeUps.length;
  }
}
