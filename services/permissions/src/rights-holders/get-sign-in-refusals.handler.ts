import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { SignInRefusalEntry } from '@warden/contracts';
import { evaluateRight } from '../check/decision.policy';
import { RightsHoldersRepository } from './rights-holders.repository';

/** The people the sign-in would refuse, with the check's own code and reason (login bars, rights). */
export class GetSignInRefusalsQuery extends Query<SignInRefusalEntry[]> {
  constructor(
    readonly tenantId: string,
    readonly personIds: string[] | null | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetSignInRefusalsQuery)
export class GetSignInRefusalsHandler implements IQueryHandler<GetSignInRefusalsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: RightsHoldersRepository,
  ) {}

  async execute({ tenantId, personIds }: GetSignInRefusalsQuery): Promise<SignInRefusalEntry[]> {
    if (!isUuid(tenantId)) return [];
    const refusals: SignInRefusalEntry[] = [];
    for (const { personId, facts } of await this.people.activePeople(this.dataSource.manager, tenantId, personIds ?? null)) {
      const verdict = evaluateRight('auth.login', facts, []);
      if (!verdict.allowed) refusals.push({ personId, code: verdict.code, reason: verdict.reason });
    }
    return refusals;
  }
}
