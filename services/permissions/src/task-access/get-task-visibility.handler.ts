import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { TaskVisibility } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import { TaskVisibilityScope } from './task-visibility';

/** The task lists' filter: whose tasks the person sees, by the `task` rule's own scope. */
export class GetTaskVisibilityQuery extends Query<TaskVisibility & { policyVersion: number }> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetTaskVisibilityQuery)
export class GetTaskVisibilityHandler implements IQueryHandler<GetTaskVisibilityQuery> {
  constructor(
    private readonly checks: CheckRepository,
    private readonly visibility: TaskVisibilityScope,
  ) {}

  async execute({ tenantId, personId }: GetTaskVisibilityQuery): Promise<TaskVisibility & { policyVersion: number }> {
    const facts = await this.checks.load(tenantId, personId);
    const kind = facts.kind;
    if (this.visibility.seesAll(facts, [], kind))
      return { participantIds: [personId], departmentMemberIds: [], all: true, policyVersion: facts.policyVersion };
    const departmentMemberIds = await this.visibility.departmentMembers(tenantId, personId, facts, [], kind);
    return { participantIds: [personId], departmentMemberIds, policyVersion: facts.policyVersion };
  }
}
