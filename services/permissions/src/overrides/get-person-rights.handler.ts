import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PersonRights, RightOverride } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import { effectiveRights } from '../check/decision.policy';
import { requireKnownPerson } from '../persons/person.check';
import { PersonsRepository } from '../persons/persons.repository';

/** A person's groups, own overrides and the rights they add up to. */
export class GetPersonRightsQuery extends Query<PersonRights> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

@QueryHandler(GetPersonRightsQuery)
export class GetPersonRightsHandler implements IQueryHandler<GetPersonRightsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly facts: CheckRepository,
  ) {}

  async execute({ tenantId, personId }: GetPersonRightsQuery): Promise<PersonRights> {
    const manager = this.dataSource.manager;
    await requireKnownPerson(this.persons, manager, tenantId, personId);
    const facts = await this.facts.load(tenantId, personId, manager);
    return {
      personId,
      groups: facts.groups.map((group) => ({ id: group.id, name: group.name })),
      overrides: [...facts.overrides].sort((a, b) => a.right.localeCompare(b.right)) as RightOverride[],
      effectiveRights: effectiveRights(facts),
    };
  }
}
