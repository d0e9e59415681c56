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

/**
 * Turns `from`/`to` (a status id, or a status name of this workflow) into status ids. A uuid naming
 * a status of another workflow of the tenant gets its own message: that is the usual mistake.
 */
export function resolveTransitions(
  inputs: readonly TransitionInput[],
  statuses: ReadonlyArray<{ id: string; name: string }>,
  otherWorkflowStatusIds: ReadonlySet<string>,
): ResolvedTransition[] {
  const byId = new Map(statuses.map((status) => [status.id, status.id]));
  const byName = new Map(statuses.map((status) => [status.name.trim().toLowerCase(), status.id]));
  const resolve = (reference: string, field: string): string => {
    const key = typeof reference === 'string' ? reference.trim().toLowerCase() : '';
    const id = byId.get(key) ?? byName.get(key);
    if (id) return id;
    if (otherWorkflowStatusIds.has(key)) throw TransitionErrors.otherWorkflow(field);
    throw TransitionErrors.unknownStatus(field);
  };
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const field = `transitions.${index}`;
    const fromStatusId = resolve(input.from, `${field}.from`);
    const toStatusId = resolve(input.to, `${field}.to`);
    if (fromStatusId === toStatusId) throw TransitionErrors.sameStatus(`${field}.to`);
    const pair = `${fromStatusId}>${toStatusId}`;
    if (seen.has(pair)) throw TransitionErrors.duplicate(field);
    seen.add(pair);
    return { fromStatusId, toStatusId, grants: normaliseGrants(input.grants, `${field}.grants`) };
  });
}
