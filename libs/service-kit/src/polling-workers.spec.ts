import { PollingWorkers } from './polling-workers';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PollingWorkers', () => {
  /** Workers whose attempts take an item from `queue` when there is one. */
  function pool(workers: number, pollIntervalMs: number) {
    const queue: number[] = [];
    let attempts = 0;
    const taken: number[] = [];
    const polling = new PollingWorkers(
      'spec',
      async () => {
        attempts += 1;
        const item = queue.shift();
        if (item === undefined) return false;
        taken.push(item);
        return true;
      },
      { workers, pollIntervalMs },
    );
    return { polling, queue, taken, attempts: () => attempts };
  }

  it('wakes as many sleepers as new items, not all of them', async () => {
    const { polling, queue, taken, attempts } = pool(4, 60_000);
    polling.start();
    await tick();
    expect(polling.sleeping).toBe(4);
    const before = attempts();
    queue.push(1);
    polling.wake(1);
    await tick();
    expect(taken).toEqual([1]);
    // One worker woke: it took the item, looked once more, found nothing and slept again.
    expect(attempts() - before).toBe(2);
    expect(polling.sleeping).toBe(4);
    queue.push(2, 3);
    polling.wake();
    await tick();
    expect(taken).toEqual([1, 2, 3]);
    await polling.stop();
  });

  it('does not count a sleeper that woke by its own poll as one woken', async () => {
    const { polling, queue, taken } = pool(2, 20);
    polling.start();
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 50)); // both have polled by themselves at least once
    expect(polling.sleeping).toBeLessThanOrEqual(2);
    queue.push(7);
    polling.wake(1);
    await tick();
    expect(taken).toEqual([7]);
    await polling.stop();
  });

  it('stop wakes every sleeper and waits for them', async () => {
    const { polling } = pool(3, 60_000);
    polling.start();
    await tick();
    await polling.stop();
    expect(polling.sleeping).toBe(0);
  });
});
