import { PeriodicTask } from './periodic.task';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  it('runs on its interval, skips a tick while a run is still going, and survives a failing run', async () => {
    let runs = 0;
    let inFlight = 0;
    let mostAtOnce = 0;
    const task = new PeriodicTask('test task', async () => {
      runs += 1;
      inFlight += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      await sleep(35);
      inFlight -= 1;
      if (runs === 1) throw new Error('first run fails');
    });
    task.start(10);
    await sleep(150);
    await task.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(mostAtOnce).toBe(1);
    const after = runs;
    await sleep(40);
    expect(runs).toBe(after);
  });

  it('stop() waits for the run in progress', async () => {
    let finished = false;
    const task = new PeriodicTask('slow task', async () => {
      await sleep(40);
      finished = true;
    });
    task.start(5);
    await sleep(15);
    await task.stop();
    expect(finished).toBe(true);
  });
});
