import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { TaskVisibility } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import { TaskVisibilityScope } from './task-visibility';
import { taskReach, taskVisibilityOf } from './task-visibility.policy';

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
    const reach = taskReach(facts, facts.kind);
    const people = reach === 'department' ? await this.visibility.departmentMembers(tenantId, personId, facts, [], facts.kind) : [];
    return { ...taskVisibilityOf(personId, reach, people), policyVersion: facts.policyVersion };
  }
}
