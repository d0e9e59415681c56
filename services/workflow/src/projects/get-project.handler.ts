import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { ProjectView } from '@warden/contracts';
import { ProjectErrors } from './project.errors';
import { ProjectRepository } from './project.repository';

export class GetProjectQuery extends Query<ProjectView> {
  constructor(
    readonly tenantId: string,
    readonly projectId: string,
  ) {
    super();
  }
}

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ tenantId, projectId }: GetProjectQuery): Promise<ProjectView> {
    const project = await this.projects.get(tenantId, projectId);
    if (!project) throw ProjectErrors.notFound();
    return project;
  }
}
