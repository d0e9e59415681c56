import { handleInBatches } from './message.batches';

/** A source whose items the test pushes one by one, like a consumer's messages arriving. */
function pushSource<T>() {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const source: AsyncIterable<T> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (items.length > 0) yield items.shift()!;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
  const poke = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  return {
    source,
    push: (...values: T[]) => {
      items.push(...values);
      poke();
    },
    end: () => {
      ended = true;
      poke();
    },
  };
}

/** A group the handler failed on makes the run reject, failing the test that awaits it. */
const unexpected = (error: unknown) => {
  throw error;
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('handleInBatches', () => {
  it('handles an item at once when nothing else is being handled', async () => {
    const { source, push, end } = pushSource<number>();
    const batches: number[][] = [];
    const done = handleInBatches(source, 10, async (batch) => void batches.push(batch), unexpected);
    push(1);
    await tick();
    expect(batches).toEqual([[1]]);
    end();
    await done;
  });

  it('groups what arrives while a group is being handled, in order and at most max at a time', async () => {
    const { source, push, end } = pushSource<number>();
    const batches: number[][] = [];
    let release!: () => void;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const done = handleInBatches(
      source,
      3,
      async (batch) => {
        batches.push(batch);
        if (batches.length === 1) await firstHeld;
      },
      unexpected,
    );
    push(1);
    await tick();
    push(2, 3, 4, 5, 6, 7);
    await tick();
    release();
    end();
    await done;
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
  });

  it('leaves no item behind when one arrives just as the last group finishes', async () => {
    const { source, push, end } = pushSource<number>();
    const handled: number[] = [];
    const done = handleInBatches(source, 10, async (batch) => void handled.push(...batch), unexpected);
    for (let value = 0; value < 50; value++) {
      push(value);
      if (value % 7 === 0) await tick();
    }
    await tick();
    expect(handled).toEqual(Array.from({ length: 50 }, (_, value) => value));
    end();
    await done;
  });

  it('passes a failing group to onError and goes on with the next', async () => {
    const { source, push, end } = pushSource<number>();
    const handled: number[] = [];
    const errors: unknown[] = [];
    const done = handleInBatches(
      source,
      10,
      async (batch) => {
        if (batch.includes(1)) throw new Error('refused');
        handled.push(...batch);
      },
      (error) => errors.push(error),
    );
    push(1);
    await tick();
    push(2);
    end();
    await done;
    expect(handled).toEqual([2]);
    expect(errors).toEqual([new Error('refused')]);
  });
});
