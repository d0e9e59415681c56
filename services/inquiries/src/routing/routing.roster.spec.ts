import { parseWorkSchedule } from '@warden/kernel';
import type { WorkSchedule } from '@warden/kernel';
import { decideRouting } from './routing.policy';
import type { RoutingClient, RoutingSettings } from './routing.policy';
import { compactCandidates, expandCandidates } from './routing.repository';
import { buildRoster, consideredCount, decideWithRoster, shortlist } from './routing.roster';
import type { LiveFacts } from './routing.roster';
import { applyScheduleFacts } from './schedule.facts';
import type { ScheduledCandidate } from './schedule.facts';

const NOW = new Date('2026-11-20T12:00:00Z'); // a Friday, 13:00 in Berlin
const BRANCHES = ['b0000000-0000-7000-8000-000000000001', 'b0000000-0000-7000-8000-000000000002', 'b0000000-0000-7000-8000-000000000003'];
const MODES = ['nobody', 'own_clients', 'my_branches', 'anyone'] as const;
const SCHEDULES: ReadonlyArray<WorkSchedule | null> = [
  null,
  null,
  parseWorkSchedule({ weekly: { fri: [{ start: '09:00', end: '18:00' }] } }), // inside
  parseWorkSchedule({ weekly: { fri: [{ start: '13:00', end: '18:00' }] } }), // not yet
  parseWorkSchedule({ timeZone: 'Europe/Berlin', weekly: { fri: [{ start: '08:00', end: '12:30' }] } }), // already over
  parseWorkSchedule({ weekly: { fri: [{ start: '09:00', end: '18:00' }] }, exceptions: [{ date: '2026-11-20' }] }), // day off
];

/** A small deterministic generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function population(seed: number, size: number): ScheduledCandidate[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: size }, (_, i) => {
    const online = next() < 0.7;
    return {
      personId: `p${String(i).padStart(4, '0')}`,
      name: `Employee ${i}`,
      online,
      offlineSince: online ? null : new Date(NOW.getTime() - Math.floor(next() * 7_200_000)),
      mode: pick(MODES),
      assignable: next() < 0.8,
      allBranches: next() < 0.1,
      branchIds: next() < 0.2 ? [] : [pick(BRANCHES)],
      openInquiries: Math.floor(next() * 3),
      lastAssignedAt: next() < 0.3 ? null : new Date(NOW.getTime() - Math.floor(next() * 4) * 60_000),
      insideSchedule: null,
      schedule: pick(SCHEDULES),
    };
  });
}

/** What the dry run and queue draining do: every employee, schedules evaluated at the decision's clock. */
function fullEvaluation(candidates: ScheduledCandidate[], client: RoutingClient, settings: RoutingSettings) {
  applyScheduleFacts(candidates, settings.useWorkSchedules, NOW);
  return decideRouting(candidates, client, settings, NOW);
}

function viaRoster(candidates: ScheduledCandidate[], client: RoutingClient, settings: RoutingSettings) {
  const roster = buildRoster(
    null,
    candidates.map(({ personId, name, mode, assignable, allBranches, branchIds, schedule }) => ({
      personId,
      name,
      mode,
      assignable,
      allBranches,
      branchIds,
      schedule,
    })),
  );
  const list = shortlist(roster, client);
  const live = new Map<string, LiveFacts>(
    list.plausible.map((member) => {
      const { online, offlineSince, openInquiries, lastAssignedAt } = candidates.find(
        (candidate) => candidate.personId === member.personId,
      )!;
      return [member.personId, { online, offlineSince, openInquiries, lastAssignedAt }];
    }),
  );
  return { result: decideWithRoster(roster, list, live, client, settings, NOW), list };
}

describe('routing from the cached roster', () => {
  it('decides exactly as the full evaluation: outcome, assignee, reason, every qualified verdict and every first rejection reason', () => {
    let outsideSchedule = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const candidates = population(seed, 80);
      const next = random(seed * 7);
      const settings: RoutingSettings = { stickyReleaseMinutes: seed % 3 === 0 ? 30 : null, useWorkSchedules: seed % 2 === 0 };
      const client: RoutingClient = {
        contactId: 'client',
        branchId: seed % 5 === 0 ? null : BRANCHES[seed % BRANCHES.length]!,
        responsibleEmployeeId: candidates[Math.floor(next() * candidates.length)]!.personId,
        stickyAssigneeId: seed % 4 === 0 ? candidates[Math.floor(next() * candidates.length)]!.personId : null,
      };
      const full = fullEvaluation(candidates, client, settings);
      const { result } = viaRoster(candidates, client, settings);
      expect({ outcome: result.outcome, assigneeId: result.assigneeId, reason: result.reason, released: result.released }).toEqual({
        outcome: full.outcome,
        assigneeId: full.assigneeId,
        reason: full.reason,
        released: full.released,
      });
      expect(result.candidates.filter((verdict) => verdict.qualified)).toEqual(full.candidates.filter((verdict) => verdict.qualified));
      expect(consideredCount(result)).toBe(candidates.length);
      const expanded = expandCandidates(
        compactCandidates(result),
        new Map(candidates.map((candidate) => [candidate.personId, candidate.name])),
      );
      expect(expanded.map((verdict) => [verdict.personId, verdict.qualified, verdict.reason])).toEqual(
        full.candidates.map((verdict) => [verdict.personId, verdict.qualified, verdict.reason]),
      );
      outsideSchedule += full.candidates.filter((verdict) => verdict.reason === 'schedule').length;
    }
    // Half the seeds route by work schedules: someone is refused for being outside theirs.
    expect(outsideSchedule).toBeGreaterThan(0);
  });

  it('looks closely only at employees whose right, mode and branch accept the client (and the sticky holder)', () => {
    const candidates = population(42, 300);
    const client: RoutingClient = { contactId: 'client', branchId: BRANCHES[0]!, responsibleEmployeeId: 'p0001', stickyAssigneeId: null };
    const { list } = viaRoster(candidates, client, { stickyReleaseMinutes: null, useWorkSchedules: false });
    const accepting = candidates.filter(
      (candidate) =>
        decideRouting([{ ...candidate, online: true }], client, { stickyReleaseMinutes: null, useWorkSchedules: false }, NOW).outcome ===
        'assigned',
    );
    expect(list.plausible.map((member) => member.personId).sort()).toEqual(accepting.map((candidate) => candidate.personId).sort());
    expect(list.plausible.length).toBeLessThan(candidates.length / 2);
  });

  it('with work schedules on, an online employee outside its schedule is rejected for it on both paths; off, the schedule is ignored', () => {
    const base = population(3, 1)[0]!;
    const employee = (personId: string, schedule: WorkSchedule | null): ScheduledCandidate => ({
      ...base,
      personId,
      name: personId,
      online: true,
      assignable: true,
      mode: 'anyone',
      allBranches: true,
      openInquiries: personId === 'early' ? 0 : 1,
      lastAssignedAt: null,
      schedule,
    });
    const client: RoutingClient = { contactId: 'client', branchId: BRANCHES[0]!, responsibleEmployeeId: null, stickyAssigneeId: null };
    const people = () => [employee('early', SCHEDULES[4]!), employee('day', SCHEDULES[2]!), employee('unknown', null)];
    for (const decide of [
      fullEvaluation,
      (candidates: ScheduledCandidate[], c: RoutingClient, s: RoutingSettings) => viaRoster(candidates, c, s).result,
    ]) {
      const on = decide(people(), client, { stickyReleaseMinutes: null, useWorkSchedules: true });
      expect(on.assigneeId).toBe('day');
      expect(on.candidates.find((verdict) => verdict.personId === 'early')).toMatchObject({
        qualified: false,
        reason: 'schedule',
        failed: ['schedule'],
      });
      expect(on.candidates.find((verdict) => verdict.personId === 'unknown')).toMatchObject({ qualified: true });
      const off = decide(people(), client, { stickyReleaseMinutes: null, useWorkSchedules: false });
      expect(off.assigneeId).toBe('early');
    }
  });

  it('stores rejected employees as grouped ids and names them again on reading', () => {
    const candidates = [
      {
        ...population(1, 1)[0]!,
        personId: 'acc',
        name: 'Accountant',
        assignable: false,
        mode: 'my_branches' as const,
        branchIds: [BRANCHES[0]!],
        online: true,
      },
      {
        ...population(1, 1)[0]!,
        personId: 'rita',
        name: 'Rita',
        assignable: true,
        mode: 'my_branches' as const,
        branchIds: [BRANCHES[1]!],
        online: true,
      },
      {
        ...population(1, 1)[0]!,
        personId: 'boris',
        name: 'Boris',
        assignable: true,
        mode: 'anyone' as const,
        allBranches: true,
        online: true,
        openInquiries: 0,
      },
    ];
    const client: RoutingClient = { contactId: 'client', branchId: BRANCHES[0]!, responsibleEmployeeId: null, stickyAssigneeId: null };
    const { result } = viaRoster(candidates, client, { stickyReleaseMinutes: null, useWorkSchedules: false });
    const stored = compactCandidates(result);
    expect(stored.verdicts.map((verdict) => verdict.personId)).toEqual(['boris']);
    expect(JSON.stringify(stored)).not.toContain('Rita');
    const expanded = expandCandidates(
      stored,
      new Map([
        ['rita', 'Rita R.'],
        ['acc', 'Accountant'],
      ]),
    );
    expect(expanded.find((verdict) => verdict.personId === 'rita')).toMatchObject({
      qualified: false,
      reason: 'branch',
      detail: expect.stringMatching(/^Rita R\. reception mode is 'my_branches'/),
      openInquiries: null,
    });
    expect(expanded.find((verdict) => verdict.personId === 'acc')).toMatchObject({ reason: 'no_right', failed: ['no_right'] });
  });
});
