import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { DecisionStep, ProjectView } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { systemContext } from '../check/system.context';
import { checkProject } from './project-visibility.policy';
import { ScopeFactsLoader } from './scope-facts.loader';

/**
 * Resource type `project` (`resource.projectId`): whether the person sees the project and may put
 * tasks into it. Employees see every project; for a contact the project's counterparty and default
 * auditors are read from the workflow service at decision time (not taken from the caller: explain
 * asks about other people). The gateway adds the project's `updatedAt`, so a cached decision is not
 * reused after the project changed.
 */
@Injectable()
export class ProjectRule implements ResourceRule {
  readonly resourceType = 'project';

  constructor(
    private readonly bus: BusClient,
    private readonly facts: ScopeFactsLoader,
  ) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const projectId = input.resource.projectId;
    if (!isUuid(projectId)) {
      steps.push({ rule: 'project.known', effect: 'deny', detail: 'The project resource names no project (projectId)' });
      return { allowed: false, code: 'PROJECT.NOT_FOUND', reason: 'The project resource names no project' };
    }
    const { scope } = await this.facts.load(input.tenantId, input.personId, input.facts);
    let project: ProjectView | null = null;
    if (scope.kind === 'contact') {
      project = await this.project(input.tenantId, projectId);
      if (!project) {
        steps.push({ rule: 'project.known', effect: 'deny', detail: 'No such project in this tenant' });
        return { allowed: false, code: 'PROJECT.NOT_FOUND', reason: 'The project does not exist' };
      }
    }
    const placement = {
      counterpartyCompanyId: project?.counterpartyCompanyId ?? null,
      auditorIds: project?.defaultAuditors.map((auditor) => auditor.personId) ?? [],
    };
    const failure = checkProject(input.personId, placement, scope, steps);
    if (failure) return { allowed: false, ...failure };
    return { allowed: true, code: 'ALLOWED.PROJECT_VISIBLE', reason: 'May see the project and create tasks in it' };
  }

  private async project(tenantId: string, projectId: string): Promise<ProjectView | null> {
    try {
      return await this.bus.request('workflow.projects.get', systemContext(tenantId), { projectId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }
}
