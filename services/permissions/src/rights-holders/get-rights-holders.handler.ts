import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { RightsHolders, RightsHoldersData } from '@warden/contracts';
import { evaluatePerson, evaluateRight } from '../check/decision.policy';
import { PolicyVersions } from '../policy/policy-versions';
import { RightsHoldersRepository } from './rights-holders.repository';

/** Who holds these rights, for routers that decide about many people at once. */
export class GetRightsHoldersQuery extends Query<RightsHolders> {
  constructor(
    readonly tenantId: string,
    readonly input: RightsHoldersData,
  ) {
    super();
  }
}

@QueryHandler(GetRightsHoldersQuery)
export class GetRightsHoldersHandler implements IQueryHandler<GetRightsHoldersQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: RightsHoldersRepository,
    private readonly policy: PolicyVersions,
  ) {}

  execute({ tenantId, input }: GetRightsHoldersQuery): Promise<RightsHolders> {
    const rights = [...new Set(input.rights)];
    const personIds = input.personIds ?? null;
    // One snapshot: the holders are those of the version answered.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const policyVersion = await this.policy.current(manager, tenantId);
      const people = isUuid(tenantId) ? await this.people.activePeople(manager, tenantId, personIds) : [];
      const holders: Record<string, string[]> = Object.fromEntries(rights.map((right) => [right, [] as string[]]));
      for (const { personId, facts } of people) {
        if (evaluatePerson(facts, [])) continue;
        for (const right of rights) if (evaluateRight(right, facts, []).allowed) holders[right]!.push(personId);
      }
      return { policyVersion, holders };
    });
  }
}
