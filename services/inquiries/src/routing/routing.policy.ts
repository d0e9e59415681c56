import type { CandidateVerdict, ReceptionMode, RejectionReason, RoutingOutcome } from '@warden/contracts';

/**
 * The routing rules of a new inquiry, as one pure and deterministic function: the same candidates,
 * client, settings and clock always give the same decision, and every employee gets a verdict.
 * No Nest, no TypeORM: the service loads the facts, this decides, the service stores the result.
 */

export interface RoutingCandidate {
  personId: string;
  name: string;
  online: boolean;
  /** When the employee went offline (null: online, or never seen). */
  offlineSince: Date | null;
  mode: ReceptionMode;
  /** Holds `inquiries.assignable`. */
  assignable: boolean;
  /** All-branch access (directory's flag or the `branches.all` right), else the main and additional branches. */
  allBranches: boolean;
  branchIds: readonly string[];
  /** Open (assigned, not closed) inquiries. */
  openInquiries: number;
  lastAssignedAt: Date | null;
  /** Inside the work schedule now; null when no schedule is known (counts as inside). */
  insideSchedule: boolean | null;
}

export interface RoutingClient {
  contactId: string;
  branchId: string | null;
  responsibleEmployeeId: string | null;
  /** The assignee of the client's open inquiry, if it has one (the sticky candidate). */
  stickyAssigneeId: string | null;
}

export interface RoutingSettings {
  /** Release a sticky inquiry whose assignee has been offline at least this long; null: never. */
  stickyReleaseMinutes: number | null;
  useWorkSchedules: boolean;
}

export interface RoutingResult {
  outcome: RoutingOutcome;
  assigneeId: string | null;
  reason: string;
  released: { personId: string; offlineMinutes: number } | null;
  candidates: CandidateVerdict[];
  /**
   * Employees rejected on their standing facts alone (right, mode, branch), grouped by the rules they
   * failed, when the decision only looked closely at the plausible ones (see decideWithRoster).
   */
  rejectedGroups?: RejectedGroup[];
}

export interface RejectedGroup {
  failed: RejectionReason[];
  /** The words after each employee's name, as in CandidateVerdict.detail. */
  why: string;
  personIds: string[];
}

const MINUTE_MS = 60_000;
export const NOBODY_TO_ROUTE_TO = 'No employees to route to; the inquiry waits in the queue';
export const NOBODY_QUALIFIES = 'Nobody qualifies now; the inquiry waits in the queue';

/** One rule an employee failed: the reason code and the words shown after its name. */
export interface FailedRule {
  reason: RejectionReason;
  why: string;
}

// Shared constants: evaluating a rule allocates nothing, and rejected employees can be grouped by rule.
const NO_RIGHT: FailedRule = { reason: 'no_right', why: "does not hold 'inquiries.assignable' (can be assigned inquiries)" };
const MODE_NOBODY: FailedRule = { reason: 'mode', why: "reception mode is 'nobody'" };
const MODE_OWN_CLIENTS: FailedRule = {
  reason: 'mode',
  why: "reception mode is 'own_clients' and this client's responsible employee is someone else",
};
const BRANCH_NONE: FailedRule = { reason: 'branch', why: "reception mode is 'my_branches' and the client belongs to no branch" };
const BRANCH_OTHER: FailedRule = {
  reason: 'branch',
  why: "reception mode is 'my_branches' and the client's branch is not one of the employee's branches",
};
const ANYONE_NOT_ALL: FailedRule = {
  reason: 'branch',
  why: "reception mode is 'anyone' but the employee no longer has access to all branches",
};
const OFFLINE: FailedRule = { reason: 'offline', why: 'is offline' };
const OUTSIDE_SCHEDULE: FailedRule = { reason: 'schedule', why: 'is outside its work schedule' };

/** What the rarely changing rules look at (the cached roster holds exactly this). */
export type StandingFacts = Pick<RoutingCandidate, 'personId' | 'mode' | 'assignable' | 'allBranches' | 'branchIds'>;

/** The reception mode / branch rule this employee fails for this client, or null. */
export function placementRule(member: StandingFacts, client: RoutingClient): FailedRule | null {
  switch (member.mode) {
    case 'nobody':
      return MODE_NOBODY;
    case 'own_clients':
      return client.responsibleEmployeeId === member.personId ? null : MODE_OWN_CLIENTS;
    case 'my_branches':
      if (client.branchId === null) return BRANCH_NONE;
      return member.allBranches || member.branchIds.includes(client.branchId) ? null : BRANCH_OTHER;
    case 'anyone':
      return member.allBranches ? null : ANYONE_NOT_ALL;
  }
}

/** The right to be assigned, or null when held. */
export function rightRule(member: StandingFacts): FailedRule | null {
  return member.assignable ? null : NO_RIGHT;
}

/** The rules an employee must pass to qualify, in the order they are reported: right, mode/branch, presence, schedule. */
function failedRules(candidate: RoutingCandidate, client: RoutingClient, settings: RoutingSettings): FailedRule[] {
  const failed: FailedRule[] = [];
  const right = rightRule(candidate);
  if (right) failed.push(right);
  const placement = placementRule(candidate, client);
  if (placement) failed.push(placement);
  if (!candidate.online) failed.push(OFFLINE);
  if (settings.useWorkSchedules && candidate.insideSchedule === false) failed.push(OUTSIDE_SCHEDULE);
  return failed;
}

/** Least loaded first, then whoever waited longest since its last assignment (never = longest), then id. */
function compareLoad(a: RoutingCandidate, b: RoutingCandidate): number {
  if (a.openInquiries !== b.openInquiries) return a.openInquiries - b.openInquiries;
  const aAt = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const bAt = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (aAt !== bAt) return aAt < bAt ? -1 : 1;
  return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
}

function verdict(candidate: RoutingCandidate, qualified: boolean, failed: RejectionReason[], detail: string): CandidateVerdict {
  return {
    personId: candidate.personId,
    name: candidate.name,
    qualified,
    reason: failed[0] ?? null,
    failed,
    detail,
    openInquiries: candidate.openInquiries,
  };
}

function describeWait(candidate: RoutingCandidate): string {
  return candidate.lastAssignedAt ? `last assigned ${candidate.lastAssignedAt.toISOString()}` : 'never assigned';
}

export function decideRouting(
  candidates: readonly RoutingCandidate[],
  client: RoutingClient,
  settings: RoutingSettings,
  now: Date,
): RoutingResult {
  const byId = new Map(candidates.map((candidate) => [candidate.personId, candidate]));
  let released: RoutingResult['released'] = null;
  let sticky: RoutingCandidate | null = null;
  if (client.stickyAssigneeId !== null) {
    const holder = byId.get(client.stickyAssigneeId) ?? null;
    const offlineMs = holder && !holder.online && holder.offlineSince ? now.getTime() - holder.offlineSince.getTime() : 0;
    if (holder && !(settings.stickyReleaseMinutes !== null && !holder.online && offlineMs >= settings.stickyReleaseMinutes * MINUTE_MS)) {
      sticky = holder;
    } else {
      released = { personId: client.stickyAssigneeId, offlineMinutes: Math.floor(offlineMs / MINUTE_MS) };
    }
  }

  const qualified: RoutingCandidate[] = [];
  const rejected = new Map<string, CandidateVerdict>();
  for (const candidate of candidates) {
    const failed = failedRules(candidate, client, settings);
    if (failed.length === 0) qualified.push(candidate);
    else
      rejected.set(
        candidate.personId,
        verdict(
          candidate,
          false,
          failed.map((rule) => rule.reason),
          `${candidate.name} ${failed.map((rule) => rule.why).join('; ')}`,
        ),
      );
  }
  qualified.sort(compareLoad);

  const ordered = (first: CandidateVerdict | null, rest: CandidateVerdict[]): CandidateVerdict[] => {
    const rejections = [...rejected.values()].filter((entry) => entry.personId !== first?.personId);
    rejections.sort((a, b) => (a.personId < b.personId ? -1 : 1));
    return [...(first ? [first] : []), ...rest, ...rejections];
  };

  if (sticky) {
    const keeper = sticky;
    // Right, mode and presence do not matter here: the client's open inquiry stays with its assignee.
    const chosen = verdict(keeper, true, [], `${keeper.name} is assigned the client's open inquiry and keeps it until it is reassigned`);
    const others = qualified
      .filter((candidate) => candidate !== keeper)
      .map((candidate) =>
        verdict(candidate, true, ['sticky'], `${candidate.name} qualifies, but the client's open inquiry belongs to ${keeper.name}`),
      );
    return { outcome: 'sticky', assigneeId: keeper.personId, reason: chosen.detail, released: null, candidates: ordered(chosen, others) };
  }

  const winner = qualified[0];
  if (!winner) {
    const reason = candidates.length === 0 ? NOBODY_TO_ROUTE_TO : NOBODY_QUALIFIES;
    return { outcome: 'queued', assigneeId: null, reason, released, candidates: ordered(null, []) };
  }
  const chosen = verdict(
    winner,
    true,
    [],
    `${winner.name} qualifies with the fewest open inquiries (${winner.openInquiries}), ${describeWait(winner)}`,
  );
  const outranked = qualified
    .slice(1)
    .map((candidate) =>
      verdict(
        candidate,
        true,
        ['load'],
        candidate.openInquiries > winner.openInquiries
          ? `${candidate.name} qualifies but has ${candidate.openInquiries} open inquiries against ${winner.openInquiries}`
          : `${candidate.name} qualifies with as many open inquiries (${candidate.openInquiries}) but waited less (${describeWait(candidate)})`,
      ),
    );
  return { outcome: 'assigned', assigneeId: winner.personId, reason: chosen.detail, released, candidates: ordered(chosen, outranked) };
}
