import { decideRouting } from './routing.policy';
import type { RoutingCandidate, RoutingClient, RoutingSettings } from './routing.policy';
import { compactCandidates, expandCandidates } from './routing.repository';
import { buildRoster, consideredCount, decideWithRoster, shortlist } from './routing.roster';
import type { LiveFacts } from './routing.roster';

const NOW = new Date('2026-11-20T12:00:00Z');
const BRANCHES = ['b0000000-0000-7000-8000-000000000001', 'b0000000-0000-7000-8000-000000000002', 'b0000000-0000-7000-8000-000000000003'];
const MODES = ['nobody', 'own_clients', 'my_branches', 'anyone'] as const;

/** A small deterministic generator, so a failure is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function population(seed: number, size: number): RoutingCandidate[] {
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
    };
  });
}

function viaRoster(candidates: RoutingCandidate[], client: RoutingClient, settings: RoutingSettings) {
  const roster = buildRoster(null, candidates.map(({ personId, name, mode, assignable, allBranches, branchIds }) => ({ personId, name, mode, assignable, allBranches, branchIds })));
  const list = shortlist(roster, client);
  const live = new Map<string, LiveFacts>(
    list.plausible.map((member) => {
      const { online, offlineSince, openInquiries, lastAssignedAt, insideSchedule } = candidates.find((candidate) => candidate.personId === member.personId)!;
      return [member.personId, { online, offlineSince, openInquiries, lastAssignedAt, insideSchedule }];
    }),
  );
  return { result: decideWithRoster(roster, list, live, client, settings, NOW), list };
}

describe('routing from the cached roster', () => {
  it('decides exactly as the full evaluation: outcome, assignee, reason, every qualified verdict and every first rejection reason', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const candidates = population(seed, 80);
      const next = random(seed * 7);
      const settings: RoutingSettings = { stickyReleaseMinutes: seed % 3 === 0 ? 30 : null, useWorkSchedules: false };
      const client: RoutingClient = {
        contactId: 'client',
        branchId: seed % 5 === 0 ? null : BRANCHES[seed % BRANCHES.length]!,
        responsibleEmployeeId: candidates[Math.floor(next() * candidates.length)]!.personId,
        stickyAssigneeId: seed % 4 === 0 ? candidates[Math.floor(next() * candidates.length)]!.personId : null,
      };
      const full = decideRouting(candidates, client, settings, NOW);
      const { result } = viaRoster(candidates, client, settings);
      expect({ outcome: result.outcome, assigneeId: result.assigneeId, reason: result.reason, released: result.released }).toEqual({
        outcome: full.outcome,
        assigneeId: full.assigneeId,
        reason: full.reason,
        released: full.released,
      });
      expect(result.candidates.filter((verdict) => verdict.qualified)).toEqual(full.candidates.filter((verdict) => verdict.qualified));
      expect(consideredCount(result)).toBe(candidates.length);
      const expanded = expandCandidates(compactCandidates(result), new Map(candidates.map((candidate) => [candidate.personId, candidate.name])));
      expect(expanded.map((verdict) => [verdict.personId, verdict.qualified, verdict.reason])).toEqual(
        full.candidates.map((verdict) => [verdict.personId, verdict.qualified, verdict.reason]),
      );
    }
  });

  it('looks closely only at employees whose right, mode and branch accept the client (and the sticky holder)', () => {
    const candidates = population(42, 300);
    const client: RoutingClient = { contactId: 'client', branchId: BRANCHES[0]!, responsibleEmployeeId: 'p0001', stickyAssigneeId: null };
    const { list } = viaRoster(candidates, client, { stickyReleaseMinutes: null, useWorkSchedules: false });
    const accepting = candidates.filter((candidate) => decideRouting([{ ...candidate, online: true }], client, { stickyReleaseMinutes: null, useWorkSchedules: false }, NOW).outcome === 'assigned');
    expect(list.plausible.map((member) => member.personId).sort()).toEqual(accepting.map((candidate) => candidate.personId).sort());
    expect(list.plausible.length).toBeLessThan(candidates.length / 2);
  });

  it('stores rejected employees as grouped ids and names them again on reading', () => {
    const candidates = [
      { ...population(1, 1)[0]!, personId: 'acc', name: 'Accountant', assignable: false, mode: 'my_branches' as const, branchIds: [BRANCHES[0]!], online: true },
      { ...population(1, 1)[0]!, personId: 'rita', name: 'Rita', assignable: true, mode: 'my_branches' as const, branchIds: [BRANCHES[1]!], online: true },
      { ...population(1, 1)[0]!, personId: 'boris', name: 'Boris', assignable: true, mode: 'anyone' as const, allBranches: true, online: true, openInquiries: 0 },
    ];
    const client: RoutingClient = { contactId: 'client', branchId: BRANCHES[0]!, responsibleEmployeeId: null, stickyAssigneeId: null };
    const { result } = viaRoster(candidates, client, { stickyReleaseMinutes: null, useWorkSchedules: false });
    const stored = compactCandidates(result);
    expect(stored.verdicts.map((verdict) => verdict.personId)).toEqual(['boris']);
    expect(JSON.stringify(stored)).not.toContain('Rita');
    const expanded = expandCandidates(stored, new Map([['rita', 'Rita R.'], ['acc', 'Accountant']]));
    expect(expanded.find((verdict) => verdict.personId === 'rita')).toMatchObject({ qualified: false, reason: 'branch', detail: expect.stringMatching(/^Rita R\. reception mode is 'my_branches'/), openInquiries: null });
    expect(expanded.find((verdict) => verdict.personId === 'acc')).toMatchObject({ reason: 'no_right', failed: ['no_right'] });
  });
});
