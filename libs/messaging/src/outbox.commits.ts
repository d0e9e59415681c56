import type { DataSource } from 'typeorm';

/**
 * Commits that wrote outbox rows, told at once to the relays of the same process and database
 * (libs/messaging/src/outbox.relay.ts). Each process runs its own relay beside its writers, so no message has to
 * leave it: a PostgreSQL NOTIFY per change cost a second commit (bench/results/outbox-write.md measured the write
 * path at 0.79 of a change without an outbox with it, 0.90 without). Relays of other replicas find the rows on
 * their own: the lock holder loops while its batches are full, a relay that finds the lock taken tries again
 * shortly, and every relay polls.
 */
const listeners = new WeakMap<DataSource, Map<string, Set<() => void>>>();

export function onOutboxCommit(dataSource: DataSource, service: string, listener: () => void): () => void {
  let byService = listeners.get(dataSource);
  if (!byService) listeners.set(dataSource, (byService = new Map()));
  let set = byService.get(service);
  if (!set) byService.set(service, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function outboxCommitted(dataSource: DataSource, service: string): void {
  for (const listener of listeners.get(dataSource)?.get(service) ?? []) listener();
}
