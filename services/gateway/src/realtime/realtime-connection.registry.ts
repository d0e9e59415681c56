/** One open realtime stream of one signed-in session. */
export interface RealtimeConnection {
  tenantId: string;
  personId: string;
  sessionId: string;
  send(event: string, id: string, data: unknown): void;
  end(): void;
}

/**
 * The open streams, indexed twice: by person (an event's audience names people of a tenant) and by session
 * (a revoked session's streams end), so both lookups touch only the streams they concern.
 */
export class RealtimeConnectionRegistry {
  private readonly byPerson = new Map<string, Set<RealtimeConnection>>();
  private readonly bySession = new Map<string, Set<RealtimeConnection>>();
  private count = 0;

  add(connection: RealtimeConnection): void {
    if (!insert(this.byPerson, personKey(connection.tenantId, connection.personId), connection)) return;
    insert(this.bySession, connection.sessionId, connection);
    this.count++;
  }

  /** Forgets a stream; a stream already forgotten is left alone. */
  remove(connection: RealtimeConnection): void {
    if (!erase(this.byPerson, personKey(connection.tenantId, connection.personId), connection)) return;
    erase(this.bySession, connection.sessionId, connection);
    this.count--;
  }

  ofPerson(tenantId: string, personId: string): Iterable<RealtimeConnection> {
    return this.byPerson.get(personKey(tenantId, personId)) ?? [];
  }

  /** Forgets and returns every stream of a session. */
  takeSession(sessionId: string): RealtimeConnection[] {
    const connections = [...(this.bySession.get(sessionId) ?? [])];
    for (const connection of connections) this.remove(connection);
    return connections;
  }

  /** Forgets and returns every stream. */
  takeAll(): RealtimeConnection[] {
    const connections = [...this.byPerson.values()].flatMap((set) => [...set]);
    this.byPerson.clear();
    this.bySession.clear();
    this.count = 0;
    return connections;
  }

  get size(): number {
    return this.count;
  }
}

const personKey = (tenantId: string, personId: string): string => `${tenantId}/${personId}`;

/** Adds to the key's set; true when it was not there yet. */
function insert<K>(index: Map<K, Set<RealtimeConnection>>, key: K, connection: RealtimeConnection): boolean {
  const set = index.get(key) ?? new Set<RealtimeConnection>();
  const before = set.size;
  set.add(connection);
  index.set(key, set);
  return set.size > before;
}

/** Removes from the key's set, dropping an emptied set; true when it was there. */
function erase<K>(index: Map<K, Set<RealtimeConnection>>, key: K, connection: RealtimeConnection): boolean {
  const set = index.get(key);
  const removed = set?.delete(connection) ?? false;
  if (set?.size === 0) index.delete(key);
  return removed;
}
