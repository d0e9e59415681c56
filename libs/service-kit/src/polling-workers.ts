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

  /** New work is queued: idle workers look at once instead of at their next poll. */
  wake(): void {
    for (const resolve of this.wakeUps.splice(0)) resolve();
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

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.options.pollIntervalMs);
      timer.unref();
      this.wakeUps.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
