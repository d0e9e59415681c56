import { DomainError } from '@warden/kernel';
import type { BusClient } from '@warden/messaging';
import { LiveSessionCheck } from './live-session.check';
import type { Principal } from './principal';

const TENANT = '00000000-0000-7000-8000-000000000001';
const principal = (n: number): Principal => ({
  personId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  tenantId: TENANT,
  tenantSlug: 't',
  kind: 'employee',
  sessionId: `10000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  expiresAtMs: Date.now() + 60_000,
});

/** Records what identity was asked; answers live for the sessions in `live` (with `leaseMs`), or fails with `failWith`. */
function fakeBus(live: Set<string>, failWith?: Error, leaseMs = 0) {
  const calls: Array<{ name: string; sessions: Array<{ sessionId: string }> }> = [];
  const bus = {
    request: async (name: string, _ctx: unknown, data: { sessions: Array<{ sessionId: string }> }) => {
      calls.push({ name, sessions: data.sessions });
      if (failWith) throw failWith;
      return { live: data.sessions.map((s) => s.sessionId).filter((id) => live.has(id)), leaseMs };
    },
  };
  return { bus: bus as unknown as BusClient, calls };
}

describe('LiveSessionCheck', () => {
  it('asks identity once for all requests of one event-loop turn and answers each', async () => {
    const { bus, calls } = fakeBus(new Set([principal(1).sessionId, principal(3).sessionId]));
    const check = new LiveSessionCheck(bus);
    const answers = await Promise.all([1, 2, 3].map((n) => check.isLive(principal(n), `r${n}`)));
    expect(answers).toEqual([true, false, true]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.name).toBe('identity.sessions.check');
    expect(calls[0]!.sessions).toHaveLength(3);
  });

  it('asks once per session even when several requests of a turn carry it', async () => {
    const { bus, calls } = fakeBus(new Set([principal(1).sessionId]));
    const check = new LiveSessionCheck(bus);
    expect(await Promise.all([check.isLive(principal(1), 'a'), check.isLive(principal(1), 'b')])).toEqual([true, true]);
    expect(calls[0]!.sessions).toHaveLength(1);
  });

  it('never joins a check already sent: a request arriving later gets a check of its own', async () => {
    const { bus, calls } = fakeBus(new Set([principal(1).sessionId]));
    const check = new LiveSessionCheck(bus);
    const first = check.isLive(principal(1), 'a');
    await new Promise((resolve) => setImmediate(resolve));
    const second = check.isLive(principal(1), 'b');
    await Promise.all([first, second]);
    expect(calls).toHaveLength(2);
  });

  it('splits a large turn into several checks', async () => {
    const { bus, calls } = fakeBus(new Set());
    const check = new LiveSessionCheck(bus);
    await Promise.all(Array.from({ length: 1200 }, (_, n) => check.isLive(principal(n), `r${n}`)));
    expect(calls.map((call) => call.sessions.length)).toEqual([500, 500, 200]);
  });

  it('takes a live session as live without asking during its lease, and asks again after it', async () => {
    const { bus, calls } = fakeBus(new Set([principal(1).sessionId]), undefined, 200);
    const check = new LiveSessionCheck(bus);
    expect(await check.isLive(principal(1), 'a')).toBe(true);
    expect(await check.isLive(principal(1), 'b')).toBe(true);
    expect(calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await check.isLive(principal(1), 'c')).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('never leases an ended session, nor anything when identity gives no lease', async () => {
    const leased = fakeBus(new Set(), undefined, 10_000);
    const withLease = new LiveSessionCheck(leased.bus);
    expect(await withLease.isLive(principal(1), 'a')).toBe(false);
    expect(await withLease.isLive(principal(1), 'b')).toBe(false);
    expect(leased.calls).toHaveLength(2);

    const unleased = fakeBus(new Set([principal(1).sessionId]));
    const withoutLease = new LiveSessionCheck(unleased.bus);
    await withoutLease.isLive(principal(1), 'a');
    await withoutLease.isLive(principal(1), 'b');
    expect(unleased.calls).toHaveLength(2);
  });

  it('fails every waiting request when identity does not answer (the caller answers 503, never a yes)', async () => {
    const unavailable = new DomainError('BUS.UNAVAILABLE', 'unavailable', 'The identity service is not available');
    const { bus } = fakeBus(new Set([principal(1).sessionId]), unavailable);
    const check = new LiveSessionCheck(bus);
    const results = await Promise.allSettled([check.isLive(principal(1), 'a'), check.isLive(principal(2), 'b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toBe(unavailable);
  });
});
