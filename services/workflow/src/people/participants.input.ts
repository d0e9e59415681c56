import { TASK_ROLES } from '@warden/contracts';
import type { RequestContext, TaskParticipantInput, TaskParticipantView } from '@warden/contracts';
import { DomainError } from '@warden/kernel';
import type { PeopleDirectory } from './people.directory';

/**
 * Participants as given in a request (person and role), checked and completed with each person's
 * kind from the people read model. A person may hold several roles; a repeated (person, role) is kept once.
 */
export async function resolveParticipants(
  people: PeopleDirectory,
  ctx: RequestContext,
  inputs: readonly TaskParticipantInput[],
  field: string,
): Promise<TaskParticipantView[]> {
  inputs.forEach((input, index) => {
    if (!(TASK_ROLES as readonly string[]).includes(input?.role)) {
      throw DomainError.invalid('PARTICIPANT.UNKNOWN_ROLE', `${field}.${index}.role`, 'must be one of assigner, assignee, auditor');
    }
  });
  const kinds = await people.kinds(ctx, inputs.map((input, index) => ({ personId: input.personId, field: `${field}.${index}.personId` })));
  return uniqueParticipants(
    inputs.map((input) => {
      const personId = input.personId.toLowerCase();
      return { personId, kind: kinds.get(personId)!, role: input.role };
    }),
  );
}

export function uniqueParticipants(participants: readonly TaskParticipantView[]): TaskParticipantView[] {
  const seen = new Set<string>();
  return participants.filter((participant) => {
    const key = `${participant.personId}:${participant.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
