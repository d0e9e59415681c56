import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { ProjectView, RequestContext, ResourceRef } from '@warden/contracts';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';

const HIDDEN = { code: 'PROJECT.NOT_FOUND', what: 'Project' } as const;

/** What the `project` rule decides on; `updatedAt` keys a cached decision to the project as it is. */
function resourceOf(project: ProjectView): ResourceRef {
  return { type: 'project', projectId: project.id, updatedAt: project.updatedAt };
}

/**
 * Projects behind the permissions service, on the same path as orders: the workflow service stores
 * them, the permissions service gives the list filter and decides every read (a client sees its own
 * company's projects and those it audits). A project the caller cannot see answers 404, exactly as
 * one that does not exist.
 */
@Injectable()
export class ProjectAccessService {
  constructor(
    private readonly bus: BusClient,
    private readonly access: AccessService,
  ) {}

  async list(principal: Principal, ctx: RequestContext): Promise<ProjectView[]> {
    const { policyVersion: _version, ...scope } = await this.bus.request('permissions.projects.visibility-scope', ctx, {
      personId: principal.personId,
    });
    return this.bus.request('workflow.projects.list', ctx, { scope });
  }

  async visible(principal: Principal, ctx: RequestContext, projectId: string): Promise<ProjectView> {
    const project = await this.bus.request('workflow.projects.get', ctx, { projectId });
    await this.access.require(principal, ctx, 'project.read', resourceOf(project), HIDDEN);
    return project;
  }

  /**
   * Before a task goes into the project: refused with 403 and the rule's reason when the caller may
   * not see it (as an order's chosen status is). An unknown project is left to the task's own
   * validation (422 naming the field), as for anyone.
   */
  async requireUsable(principal: Principal, ctx: RequestContext, projectId: string): Promise<void> {
    let project: ProjectView;
    try {
      project = await this.bus.request('workflow.projects.get', ctx, { projectId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return;
      throw error;
    }
    await this.access.require(principal, ctx, 'project.read', resourceOf(project));
  }
}
