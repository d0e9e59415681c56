import { isUuid } from '@warden/kernel';
import type { TransitionGrants, TransitionInput } from '@warden/contracts';
import { TransitionErrors } from './transition.errors';

export interface ResolvedTransition {
  fromStatusId: string;
  toStatusId: string;
  grants: TransitionGrants;
}

/**
 * Grants as stored: every list present, without repeats. Roles, kinds and ids were checked (and the ids
 * lower-cased) by the request's class (libs/contracts/src/rpc/transition.rpc.ts); whether the groups and
 * people exist is TransitionGrantsCheck's.
 */
export function normaliseGrants(input: TransitionInput['grants']): TransitionGrants {
  const roles = (input?.roles ?? []).map((grant) => ({ role: grant.role, kind: grant.kind }));
  const unique = roles.filter(
    (grant, index) => roles.findIndex((other) => other.role === grant.role && other.kind === grant.kind) === index,
  );
  return { roles: unique, groupIds: [...new Set(input?.groupIds ?? [])], personIds: [...new Set(input?.personIds ?? [])] };
}

type Resolve = (reference: unknown, field: string) => string;

/**
 * Status references against a workflow's statuses: an id, or a name of this workflow. A uuid
 * naming a status of another workflow of the tenant gets its own message: that is the usual mistake.
 */
function resolverFor(statuses: ReadonlyArray<{ id: string; name: string }>, otherWorkflowStatusIds: ReadonlySet<string>): Resolve {
  const byId = new Map(statuses.map((status) => [status.id, status.id]));
  const byName = new Map(statuses.map((status) => [status.name.trim().toLowerCase(), status.id]));
  return (reference, field) => {
    if (reference === undefined || reference === null) throw TransitionErrors.statusRequired(field);
    const key = typeof reference === 'string' ? reference.trim().toLowerCase() : '';
    const id = byId.get(key) ?? byName.get(key);
    if (id) return id;
    if (otherWorkflowStatusIds.has(key)) throw TransitionErrors.otherWorkflow(field);
    throw TransitionErrors.unknownStatus(field);
  };
}

/** `fromStatusId`/`toStatusId` (the names a read shows), else the older `from`/`to`; with the field to name in a refusal. */
function referenceOf(input: TransitionInput, side: 'from' | 'to'): { reference: unknown; name: string } {
  const byId = side === 'from' ? input.fromStatusId : input.toStatusId;
  const older = side === 'from' ? input.from : input.to;
  if (byId !== undefined || older === undefined) return { reference: byId, name: `${side}StatusId` };
  return { reference: older, name: side };
}

/** The status references of transition inputs that look like ids (to look for them in other workflows). */
export function statusIdReferences(inputs: readonly TransitionInput[]): string[] {
  return inputs
    .flatMap((input) => [referenceOf(input, 'from').reference, referenceOf(input, 'to').reference])
    .filter((reference): reference is string => isUuid(reference))
    .map((id) => id.toLowerCase());
}

function resolvePair(input: TransitionInput, prefix: string, resolve: Resolve): { fromStatusId: string; toStatusId: string } {
  const from = referenceOf(input, 'from');
  const to = referenceOf(input, 'to');
  const fromStatusId = resolve(from.reference, `${prefix}${from.name}`);
  const toStatusId = resolve(to.reference, `${prefix}${to.name}`);
  if (fromStatusId === toStatusId) throw TransitionErrors.sameStatus(`${prefix}${to.name}`);
  return { fromStatusId, toStatusId };
}

/** A whole list of transitions (a workflow's create or update) into status ids; the same pair twice is refused. */
export function resolveTransitions(
  inputs: readonly TransitionInput[],
  statuses: ReadonlyArray<{ id: string; name: string }>,
  otherWorkflowStatusIds: ReadonlySet<string>,
): ResolvedTransition[] {
  const resolve = resolverFor(statuses, otherWorkflowStatusIds);
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const field = `transitions.${index}`;
    const pair = resolvePair(input, `${field}.`, resolve);
    const key = `${pair.fromStatusId}>${pair.toStatusId}`;
    if (seen.has(key)) throw TransitionErrors.duplicate(field);
    seen.add(key);
    return { ...pair, grants: normaliseGrants(input.grants) };
  });
}

/** One transition on its own (fields named as in its request: `fromStatusId`, `toStatusId`, `grants`). */
export function resolveTransition(
  input: TransitionInput,
  statuses: ReadonlyArray<{ id: string; name: string }>,
  otherWorkflowStatusIds: ReadonlySet<string>,
): ResolvedTransition {
  const pair = resolvePair(input, '', resolverFor(statuses, otherWorkflowStatusIds));
  return { ...pair, grants: normaliseGrants(input.grants) };
}
