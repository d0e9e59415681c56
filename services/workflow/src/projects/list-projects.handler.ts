import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { ProjectScope, ProjectView } from '@warden/contracts';
import { ProjectRepository } from './project.repository';

export class ListProjectsQuery extends Query<ProjectView[]> {
  constructor(
    readonly tenantId: string,
    readonly scope: ProjectScope,
  ) {
    super();
  }
}

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery> {
  constructor(private readonly projects: ProjectRepository) {}

  execute({ tenantId, scope }: ListProjectsQuery): Promise<ProjectView[]> {
    return this.projects.list(tenantId, scope);
  }
}
