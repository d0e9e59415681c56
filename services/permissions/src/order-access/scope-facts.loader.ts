import { Injectable } from '@nestjs/common';
import type { DecisionStep, Right } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import type { LoadedFacts } from '../check/check.repository';
import { evaluateRight } from '../check/decision.policy';
import { FactsCache } from '../policy/facts.cache';
import type { Versioned } from '../policy/facts.cache';
import { OrderVisibilityRepository } from './order-visibility.repository';
import type { ScopeFacts } from './order-visibility.policy';

type ScopeRow = Awaited<ReturnType<OrderVisibilityRepository['facts']>> & Versioned;

/** A catalog right decided by the usual rules (personal deny, groups, personal allow), as a yes/no with its reason. */
export function rightOf(right: Right, facts: LoadedFacts): { allowed: boolean; reason: string } {
  const scratch: DecisionStep[] = [];
  const verdict = evaluateRight(right, facts, scratch);
  return { allowed: verdict.allowed, reason: verdict.reason };
}

/**
 * Everything the department / client part of the order rule needs: the person's rights (reused when
 * the check already loaded them, else loaded in parallel) and its departments and managed companies.
 */
@Injectable()
export class ScopeFactsLoader {
  constructor(
    private readonly checks: CheckRepository,
    private readonly repository: OrderVisibilityRepository,
    private readonly cache: FactsCache,
  ) {}

  async load(tenantId: string, personId: string, known?: LoadedFacts): Promise<{ scope: ScopeFacts; rights: LoadedFacts }> {
    const [rights, row] = await Promise.all([known ?? this.checks.load(tenantId, personId), this.scopeRow(tenantId, personId)]);
    return {
      rights,
      scope: {
        kind: row.kind,
        departmentIds: row.department_ids,
        managedCompanyIds: row.company_ids,
        companyId: row.company_id,
        allDepartments: rightOf('departments.all', rights),
      },
    };
  }

  /** Kind, departments and managed companies, cached (membership changes bump the version); an unknown person is not kept. */
  private scopeRow(tenantId: string, personId: string): Promise<ScopeRow> {
    return this.cache.person(
      tenantId,
      personId,
      'scope',
      async () => {
        const row = await this.repository.facts(tenantId, personId);
        return { ...row, policyVersion: row.policy_version === null ? 0 : Number(row.policy_version) };
      },
      (row) => row.kind !== null,
    );
  }
}
