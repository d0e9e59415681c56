import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { TemplateView } from '@warden/contracts';
import { TemplateErrors } from './template.errors';
import { TemplateRepository } from './template.repository';

export class GetTemplateQuery extends Query<TemplateView> {
  constructor(
    readonly tenantId: string,
    readonly templateId: string,
  ) {
    super();
  }
}

@QueryHandler(GetTemplateQuery)
export class GetTemplateHandler implements IQueryHandler<GetTemplateQuery> {
  constructor(private readonly templates: TemplateRepository) {}

  async execute({ tenantId, templateId }: GetTemplateQuery): Promise<TemplateView> {
    const template = await this.templates.get(tenantId, templateId);
    if (!template) throw TemplateErrors.notFound();
    return template;
  }
}
