import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { ProjectInput, ProjectView, RequestContext } from '@warden/contracts';
import { PeopleDirectory } from '../people/people.directory';
import { CompanyCheck } from './company.check';
import { projectRecord } from './project.record';
import { ProjectRepository } from './project.repository';

/** A project: a counterparty (a directory company) and default auditors that every task created in it gets. */
export class CreateProjectCommand extends Command<ProjectView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: ProjectInput,
  ) {
    super();
  }
}

@CommandHandler(CreateProjectCommand)
export class CreateProjectHandler implements ICommandHandler<CreateProjectCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
    private readonly company: CompanyCheck,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ ctx, input }: CreateProjectCommand): Promise<ProjectView> {
    const record = await projectRecord(this.people, this.company, ctx, newId(), input);
    return this.dataSource.transaction(async (tx) => {
      await this.projects.insert(tx, ctx.tenantId, record);
      return (await this.projects.get(ctx.tenantId, record.id, tx))!;
    });
  }
}
