import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { ProjectScope, TemplateView } from '@warden/contracts';
import { TemplateRepository } from './template.repository';

export class ListTemplatesQuery extends Query<TemplateView[]> {
  constructor(
    readonly tenantId: string,
    readonly scope: ProjectScope,
  ) {
    super();
  }
}

@QueryHandler(ListTemplatesQuery)
export class ListTemplatesHandler implements IQueryHandler<ListTemplatesQuery> {
  constructor(private readonly templates: TemplateRepository) {}

  execute({ tenantId, scope }: ListTemplatesQuery): Promise<TemplateView[]> {
    return this.templates.list(tenantId, scope);
  }
}
