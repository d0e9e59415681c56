import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ProjectChanges, ProjectView, RequestContext } from '@warden/contracts';
import { PeopleDirectory } from '../people/people.directory';
import { CompanyCheck } from './company.check';
import { ProjectErrors } from './project.errors';
import { projectRecord } from './project.record';
import { ProjectRepository } from './project.repository';

export class UpdateProjectCommand extends Command<ProjectView> {
  constructor(
    readonly ctx: RequestContext,
    readonly projectId: string,
    readonly changes: ProjectChanges,
  ) {
    super();
  }
}

@CommandHandler(UpdateProjectCommand)
export class UpdateProjectHandler implements ICommandHandler<UpdateProjectCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
    private readonly company: CompanyCheck,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ ctx, projectId, changes }: UpdateProjectCommand): Promise<ProjectView> {
    const current = await this.projects.get(ctx.tenantId, projectId);
    if (!current) throw ProjectErrors.notFound();
    // The stored counterparty is not checked again: only a changed one.
    const record = await projectRecord(this.people, changes.counterpartyCompanyId !== undefined ? this.company : null, ctx, current.id, {
      name: changes.name ?? current.name,
      counterpartyCompanyId: changes.counterpartyCompanyId !== undefined ? changes.counterpartyCompanyId : current.counterpartyCompanyId,
      defaultAuditorIds: changes.defaultAuditorIds ?? current.defaultAuditors.map((auditor) => auditor.personId),
    });
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.projects.get(ctx.tenantId, current.id, tx, true))) throw ProjectErrors.notFound();
      await this.projects.update(tx, ctx.tenantId, record);
      return (await this.projects.get(ctx.tenantId, record.id, tx))!;
    });
  }
}
