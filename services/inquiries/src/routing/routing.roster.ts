import type { ReceptionMode } from '@warden/contracts';
import type { WorkSchedule } from '@warden/kernel';
import { NOBODY_QUALIFIES, decideRouting, placementRule, rightRule } from './routing.policy';
import type { FailedRule, RejectedGroup, RoutingCandidate, RoutingClient, RoutingResult, RoutingSettings } from './routing.policy';
import { insideScheduleAt } from './schedule.facts';

/**
 * Routing without reading every employee per decision. The roster (names, modes, rights, branches, work
 * schedules) changes rarely and is kept in memory per tenant under a version; what changes with every
 * assignment and presence event (online, load, last assignment) is read per decision for the few employees
 * whose standing facts accept this client. The decision itself is decideRouting over those few, so the
 * winner and every qualified employee's verdict are exactly what the full evaluation would give;
 * everyone else is reported by the standing rule(s) they failed.
 */

export interface RosterMember {
  personId: string;
  name: string;
  mode: ReceptionMode;
  assignable: boolean;
  allBranches: boolean;
  branchIds: readonly string[];
  /** Null: no schedule. Whether the member is inside it is worked out per decision, at the decision's clock. */
  schedule: WorkSchedule | null;
}

export interface Roster {
  /** The tenant's roster version it was read at (null: never changed since the tenant's first employee). */
  version: string | null;
  members: readonly RosterMember[];
  byId: ReadonlyMap<string, RosterMember>;
}

/** Presence and load of one employee, read at decision time. */
export interface LiveFacts {
  online: boolean;
  offlineSince: Date | null;
  openInquiries: number;
  lastAssignedAt: Date | null;
}

export function buildRoster(version: string | null, members: RosterMember[]): Roster {
  return { version, members, byId: new Map(members.map((member) => [member.personId, member])) };
}

export interface Shortlist {
  /** Employees whose standing facts accept the client, plus the sticky holder (whatever its facts). */
  plausible: RosterMember[];
  rejected: RejectedGroup[];
}

/** One pass, no per-employee allocation beyond the group arrays: who could take this client at all. */
export function shortlist(roster: Roster, client: RoutingClient): Shortlist {
  const plausible: RosterMember[] = [];
  const groups = new Map<FailedRule, Map<FailedRule | null, RejectedGroup>>();
  for (const member of roster.members) {
    const right = rightRule(member);
    const placement = placementRule(member, client);
    if ((right === null && placement === null) || member.personId === client.stickyAssigneeId) {
      plausible.push(member);
      continue;
    }
    const first = (right ?? placement)!;
    const second = right ? placement : null;
    let bySecond = groups.get(first);
    if (!bySecond) groups.set(first, (bySecond = new Map()));
    let group = bySecond.get(second);
    if (!group) {
      group = second
        ? { failed: [first.reason, second.reason], why: `${first.why}; ${second.why}`, personIds: [] }
        : { failed: [first.reason], why: first.why, personIds: [] };
      bySecond.set(second, group);
    }
    group.personIds.push(member.personId);
  }
  const rejected: RejectedGroup[] = [];
  for (const bySecond of groups.values()) for (const group of bySecond.values()) rejected.push(group);
  return { plausible, rejected };
}

/**
 * Decides for the client from the roster and the live facts of the shortlisted employees (an
 * employee without live facts is no longer routable and is left out). Work schedules are evaluated
 * here, for the shortlisted only and only when the tenant routes by them.
 */
export function decideWithRoster(
  roster: Roster,
  list: Shortlist,
  live: ReadonlyMap<string, LiveFacts>,
  client: RoutingClient,
  settings: RoutingSettings,
  now: Date,
): RoutingResult {
  const candidates: RoutingCandidate[] = [];
  for (const member of list.plausible) {
    const facts = live.get(member.personId);
    if (facts) candidates.push(toRoutingCandidate(member, facts, insideScheduleAt(member.schedule, settings.useWorkSchedules, now)));
  }
  const result = decideRouting(candidates, client, settings, now);
  // decideRouting saw only the shortlist: with nobody shortlisted it would say there is nobody at all.
  if (result.outcome === 'queued' && roster.members.length > 0) result.reason = NOBODY_QUALIFIES;
  result.rejectedGroups = list.rejected;
  return result;
}

/**
 * One candidate from its standing and live facts, written out property by property: `{ ...member, ...facts }`
 * of two differently shaped objects takes V8's generic copy path, which was ten times slower per decision and
 * left enough short-lived garbage behind to put 10 ms scavenge pauses into the p99 (bench/inquiries-routing).
 */
export function toRoutingCandidate(member: RosterMember, facts: LiveFacts, insideSchedule: boolean | null): RoutingCandidate {
  return {
    personId: member.personId,
    name: member.name,
    mode: member.mode,
    assignable: member.assignable,
    allBranches: member.allBranches,
    branchIds: member.branchIds,
    online: facts.online,
    offlineSince: facts.offlineSince,
    openInquiries: facts.openInquiries,
    lastAssignedAt: facts.lastAssignedAt,
    insideSchedule,
  };
}

/** How many employees a decision reported on (the detailed verdicts and the grouped rejections). */
export function consideredCount(result: RoutingResult): number {
  let count = result.candidates.length;
  for (const group of result.rejectedGroups ?? []) count += group.personIds.length;
  return count;
}
