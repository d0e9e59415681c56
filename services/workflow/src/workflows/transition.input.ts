import { isUuid } from '@warden/kernel';
import { GRANT_KINDS, GRANT_ROLES } from '@warden/contracts';
import type { TransitionGrants, TransitionInput } from '@warden/contracts';
import { TransitionErrors } from './transition.errors';

export interface ResolvedTransition {
  fromStatusId: string;
  toStatusId: string;
  grants: TransitionGrants;
}

/** Grants as stored: every list present, roles without repeats. Throws 422 naming the bad field. */
export function normaliseGrants(input: TransitionInput['grants'], field: string): TransitionGrants {
  const roles = (input?.roles ?? []).map((grant, index) => {
    if (!(GRANT_ROLES as readonly string[]).includes(grant?.role)) throw TransitionErrors.unknownRole(`${field}.roles.${index}.role`);
    if (!(GRANT_KINDS as readonly string[]).includes(grant?.kind)) throw TransitionErrors.unknownKind(`${field}.roles.${index}.kind`);
    return { role: grant.role, kind: grant.kind };
  });
  const unique = roles.filter((grant, index) => roles.findIndex((other) => other.role === grant.role && other.kind === grant.kind) === index);
  const ids = (values: string[] | undefined, name: string): string[] =>
    (values ?? []).map((value, index) => {
      if (!isUuid(value)) throw name === 'groupIds' ? TransitionErrors.unknownGroup(`${field}.${name}.${index}`) : TransitionErrors.unknownPerson(`${field}.${name}.${index}`);
      return value.toLowerCase();
    });
  return { roles: unique, groupIds: [...new Set(ids(input?.groupIds, 'groupIds'))], personIds: [...new Set(ids(input?.personIds, 'personIds'))] };
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
    return { ...pair, grants: normaliseGrants(input.grants, `${field}.grants`) };
  });
}

/** One transition on its own (fields named as in its request: `fromStatusId`, `toStatusId`, `grants`). */
export function resolveTransition(
  input: TransitionInput,
  statuses: ReadonlyArray<{ id: string; name: string }>,
  otherWorkflowStatusIds: ReadonlySet<string>,
): ResolvedTransition {
  const pair = resolvePair(input, '', resolverFor(statuses, otherWorkflowStatusIds));
  return { ...pair, grants: normaliseGrants(input.grants, 'grants') };
}
