import type { RequestContext, TaskParticipantInput, TaskParticipantView } from '@warden/contracts';
import type { PeopleDirectory } from './people.directory';

/**
 * Participants as given in a request (person and role, checked by the request's class), completed with each
 * person's kind from the people read model. A person may hold several roles; a repeated (person, role) is kept once.
 */
export async function resolveParticipants(
  people: PeopleDirectory,
  ctx: RequestContext,
  inputs: readonly TaskParticipantInput[],
  field: string,
): Promise<TaskParticipantView[]> {
  const kinds = await people.kinds(
    ctx,
    inputs.map((input, index) => ({ personId: input.personId, field: `${field}.${index}.personId` })),
  );
  return uniqueParticipants(inputs.map((input) => ({ personId: input.personId, kind: kinds.get(input.personId)!, role: input.role })));
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
