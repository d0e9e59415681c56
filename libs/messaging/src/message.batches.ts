/**
 * Hands `handle` the source's items in order, in groups: whatever arrived while the previous group was being
 * handled, up to `max`. Under load one transaction then takes many events; when idle each item is handled at
 * once on its own. (The client's own buffer count is no guide: it also counts status notices that never yield.)
 * `handle` must deal with its own failures; anything it throws is passed to `onError` and the items go on.
 */
export async function handleInBatches<T>(
  source: AsyncIterable<T>,
  max: number,
  handle: (batch: T[]) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<void> {
  const waiting: T[] = [];
  let working: Promise<void> | null = null;
  const work = async (): Promise<void> => {
    while (waiting.length > 0) await handle(waiting.splice(0, max)).catch(onError);
    working = null; // in the same tick as the empty check, so no item is left behind between the two
  };
  for await (const item of source) {
    waiting.push(item);
    working ??= work();
  }
  await working;
}
