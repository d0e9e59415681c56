import { decideRouting } from './routing.policy';
import type { RoutingCandidate, RoutingClient, RoutingSettings } from './routing.policy';

const NOW = new Date('2026-11-20T12:00:00Z');
const BRANCH_A = 'a0000000-0000-7000-8000-00000000000a';
const BRANCH_B = 'b0000000-0000-7000-8000-00000000000b';
const SETTINGS: RoutingSettings = { stickyReleaseMinutes: null, useWorkSchedules: false };

function employee(personId: string, overrides: Partial<RoutingCandidate> = {}): RoutingCandidate {
  return {
    personId,
    name: personId,
    online: true,
    offlineSince: null,
    mode: 'my_branches',
    assignable: true,
    allBranches: false,
    branchIds: [BRANCH_A],
    openInquiries: 0,
    lastAssignedAt: null,
    insideSchedule: null,
    ...overrides,
  };
}

function client(overrides: Partial<RoutingClient> = {}): RoutingClient {
  return { contactId: 'client', branchId: BRANCH_A, responsibleEmployeeId: null, stickyAssigneeId: null, ...overrides };
}

function verdictOf(result: ReturnType<typeof decideRouting>, personId: string) {
  return result.candidates.find((candidate) => candidate.personId === personId)!;
}

describe('routing policy', () => {
  it('assigns a qualifying employee and reports it first, with no rejection reason', () => {
    const result = decideRouting([employee('anna')], client(), SETTINGS, NOW);
    expect(result).toMatchObject({ outcome: 'assigned', assigneeId: 'anna', released: null });
    expect(result.candidates[0]).toMatchObject({ personId: 'anna', qualified: true, reason: null, failed: [] });
  });

  it('rejects an employee without the right to be assigned (no_right), whatever else holds', () => {
    const result = decideRouting([employee('accountant', { assignable: false })], client(), SETTINGS, NOW);
    expect(result.outcome).toBe('queued');
    expect(verdictOf(result, 'accountant')).toMatchObject({ qualified: false, reason: 'no_right', failed: ['no_right'] });
    expect(verdictOf(result, 'accountant').detail).toContain('inquiries.assignable');
  });

  it('rejects an offline employee (offline)', () => {
    const result = decideRouting([employee('bob', { online: false })], client(), SETTINGS, NOW);
    expect(result.outcome).toBe('queued');
    expect(verdictOf(result, 'bob')).toMatchObject({ reason: 'offline', failed: ['offline'] });
  });

  it('mode nobody rejects every client (mode)', () => {
    const result = decideRouting([employee('bob', { mode: 'nobody' })], client(), SETTINGS, NOW);
    expect(verdictOf(result, 'bob')).toMatchObject({ reason: 'mode' });
  });

  it('mode own_clients takes only clients whose responsible employee it is', () => {
    const manager = employee('manager', { mode: 'own_clients', branchIds: [] });
    expect(decideRouting([manager], client({ responsibleEmployeeId: 'manager' }), SETTINGS, NOW).assigneeId).toBe('manager');
    const other = decideRouting([manager], client({ responsibleEmployeeId: 'someone-else' }), SETTINGS, NOW);
    expect(other.outcome).toBe('queued');
    expect(verdictOf(other, 'manager')).toMatchObject({ reason: 'mode' });
  });

  it("mode my_branches takes clients of the employee's main and additional branches only (branch)", () => {
    const admin = employee('admin', { mode: 'my_branches', branchIds: [BRANCH_A] });
    expect(decideRouting([admin], client({ branchId: BRANCH_A }), SETTINGS, NOW).assigneeId).toBe('admin');
    const elsewhere = decideRouting([admin], client({ branchId: BRANCH_B }), SETTINGS, NOW);
    expect(verdictOf(elsewhere, 'admin')).toMatchObject({ reason: 'branch' });
    const noBranch = decideRouting([admin], client({ branchId: null }), SETTINGS, NOW);
    expect(verdictOf(noBranch, 'admin').detail).toContain('belongs to no branch');
    const everywhere = employee('chief', { mode: 'my_branches', allBranches: true, branchIds: [] });
    expect(decideRouting([everywhere], client({ branchId: BRANCH_B }), SETTINGS, NOW).assigneeId).toBe('chief');
  });

  it('mode anyone takes every client while the employee has all-branch access, and rejects when that access is gone (branch)', () => {
    const chief = employee('chief', { mode: 'anyone', allBranches: true, branchIds: [] });
    expect(decideRouting([chief], client({ branchId: BRANCH_B }), SETTINGS, NOW).assigneeId).toBe('chief');
    const limited = decideRouting([{ ...chief, allBranches: false }], client(), SETTINGS, NOW);
    expect(verdictOf(limited, 'chief')).toMatchObject({ reason: 'branch' });
  });

  it('reports every failed rule in order, the first as the reason', () => {
    const result = decideRouting([employee('x', { assignable: false, mode: 'nobody', online: false })], client(), SETTINGS, NOW);
    expect(verdictOf(result, 'x').failed).toEqual(['no_right', 'mode', 'offline']);
    expect(verdictOf(result, 'x').reason).toBe('no_right');
  });

  it('work schedules count only when the tenant enables them; an unknown schedule counts as inside', () => {
    const away = employee('away', { insideSchedule: false });
    expect(decideRouting([away], client(), SETTINGS, NOW).assigneeId).toBe('away');
    const enabled = decideRouting([away], client(), { ...SETTINGS, useWorkSchedules: true }, NOW);
    expect(verdictOf(enabled, 'away')).toMatchObject({ reason: 'schedule' });
    expect(decideRouting([employee('unknown')], client(), { ...SETTINGS, useWorkSchedules: true }, NOW).assigneeId).toBe('unknown');
  });

  it('the least loaded qualifying employee wins; the others are rejected for load', () => {
    const result = decideRouting([employee('busy', { openInquiries: 3 }), employee('free', { openInquiries: 1 })], client(), SETTINGS, NOW);
    expect(result.assigneeId).toBe('free');
    expect(verdictOf(result, 'busy')).toMatchObject({ qualified: true, reason: 'load' });
    expect(verdictOf(result, 'busy').detail).toContain('3 open inquiries against 1');
  });

  it('ties on load go to whoever waited longest since its last assignment (never assigned first)', () => {
    const recent = employee('recent', { lastAssignedAt: new Date('2026-11-20T11:59:00Z') });
    const earlier = employee('earlier', { lastAssignedAt: new Date('2026-11-20T10:00:00Z') });
    expect(decideRouting([recent, earlier], client(), SETTINGS, NOW).assigneeId).toBe('earlier');
    const never = employee('never');
    const result = decideRouting([recent, earlier, never], client(), SETTINGS, NOW);
    expect(result.assigneeId).toBe('never');
    expect(verdictOf(result, 'recent').detail).toContain('waited less');
  });

  it('is deterministic: the same facts in any order give the same decision', () => {
    const people = [employee('c'), employee('a'), employee('b', { online: false }), employee('d', { assignable: false })];
    const first = decideRouting(people, client(), SETTINGS, NOW);
    const second = decideRouting([...people].reverse(), client(), SETTINGS, NOW);
    expect(second).toEqual(first);
    expect(first.assigneeId).toBe('a');
  });

  it('sticky: the assignee of the open inquiry keeps it even after losing the right, its mode and its presence', () => {
    const former = employee('former', {
      assignable: false,
      mode: 'nobody',
      online: false,
      offlineSince: new Date('2026-11-20T08:00:00Z'),
      openInquiries: 9,
    });
    const result = decideRouting([former, employee('fresh')], client({ stickyAssigneeId: 'former' }), SETTINGS, NOW);
    expect(result).toMatchObject({ outcome: 'sticky', assigneeId: 'former', released: null });
    expect(result.candidates[0]).toMatchObject({ personId: 'former', reason: null });
    expect(verdictOf(result, 'fresh')).toMatchObject({ qualified: true, reason: 'sticky' });
  });

  it('sticky release: with the tenant setting, an assignee offline for N minutes or more loses it to normal routing', () => {
    const settings = { ...SETTINGS, stickyReleaseMinutes: 30 };
    const gone = employee('gone', { online: false, offlineSince: new Date('2026-11-20T11:00:00Z') });
    const result = decideRouting([gone, employee('fresh')], client({ stickyAssigneeId: 'gone' }), settings, NOW);
    expect(result).toMatchObject({ outcome: 'assigned', assigneeId: 'fresh', released: { personId: 'gone', offlineMinutes: 60 } });
    expect(verdictOf(result, 'gone')).toMatchObject({ reason: 'offline' });

    const brief = employee('brief', { online: false, offlineSince: new Date('2026-11-20T11:45:00Z') });
    expect(decideRouting([brief, employee('fresh')], client({ stickyAssigneeId: 'brief' }), settings, NOW)).toMatchObject({
      outcome: 'sticky',
      assigneeId: 'brief',
    });
    const online = employee('online');
    expect(decideRouting([online, employee('fresh')], client({ stickyAssigneeId: 'online' }), settings, NOW).assigneeId).toBe('online');
  });

  it('sticky to someone no longer among the employees (deleted) routes normally', () => {
    const result = decideRouting([employee('fresh')], client({ stickyAssigneeId: 'deleted-person' }), SETTINGS, NOW);
    expect(result).toMatchObject({ outcome: 'assigned', assigneeId: 'fresh', released: { personId: 'deleted-person' } });
  });

  it('nobody to route to: queued with a reason', () => {
    expect(decideRouting([], client(), SETTINGS, NOW)).toMatchObject({ outcome: 'queued', assigneeId: null, candidates: [] });
  });
});
