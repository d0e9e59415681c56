import { Injectable } from '@nestjs/common';
import { BusClient } from '@warden/messaging';
import type { RequestContext, TransitionInput, WorkflowKind } from '@warden/contracts';
import { PeopleDirectory } from '../people/people.directory';
import { TransitionErrors } from './transition.errors';

/**
 * Groups and people named by grants must exist in the tenant. Groups belong to the permissions
 * service (asked once per request); people are checked against the people read model.
 */
@Injectable()
export class TransitionGrantsCheck {
  constructor(
    private readonly bus: BusClient,
    private readonly people: PeopleDirectory,
  ) {}

  /** What can be refused before a workflow's transaction: transitions on a free workflow, unknown groups or people. */
  async requireForWorkflow(ctx: RequestContext, kind: WorkflowKind, transitions: readonly TransitionInput[] | undefined): Promise<void> {
    if (!transitions) return;
    if (kind !== 'task') {
      if (transitions.length > 0) throw TransitionErrors.freeWorkflow();
      return;
    }
    await this.require(ctx, transitions);
  }

  /** Grants of one transition (fields named from `grants`). */
  requireOne(ctx: RequestContext, transition: TransitionInput): Promise<void> {
    return this.require(ctx, [transition], () => '');
  }

  /** `prefixOf(index)` starts each field named in a refusal (`transitions.0.` in a workflow, nothing for one transition). */
  async require(
    ctx: RequestContext,
    transitions: readonly TransitionInput[],
    prefixOf: (index: number) => string = (index) => `transitions.${index}.`,
  ): Promise<void> {
    const groupRefs = transitions.flatMap((transition, index) =>
      (transition.grants?.groupIds ?? []).map((groupId, position) => ({ groupId, field: `${prefixOf(index)}grants.groupIds.${position}` })),
    );
    if (groupRefs.length > 0) {
      const groups = new Set((await this.bus.request('permissions.groups.list', ctx, {})).map((group) => group.id));
      const unknown = groupRefs.find((ref) => !groups.has(ref.groupId));
      if (unknown) throw TransitionErrors.unknownGroup(unknown.field);
    }
    const personRefs = transitions.flatMap((transition, index) =>
      (transition.grants?.personIds ?? []).map((personId, position) => ({
        personId,
        field: `${prefixOf(index)}grants.personIds.${position}`,
      })),
    );
    await this.people.kinds(ctx, personRefs);
  }
}
