import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { CheckData, Decision } from '@warden/contracts';
import { DecisionEvaluator } from './decision.evaluator';

/** The gateway's question before every action: the hot path, one facts lookup (mostly cached) and the rules. */
export class CheckAccessQuery extends Query<Decision> {
  constructor(
    readonly tenantId: string,
    readonly input: CheckData,
  ) {
    super();
  }
}

@QueryHandler(CheckAccessQuery)
export class CheckAccessHandler implements IQueryHandler<CheckAccessQuery> {
  constructor(private readonly decisions: DecisionEvaluator) {}

  async execute({ tenantId, input }: CheckAccessQuery): Promise<Decision> {
    const { allowed, code, reason, policyVersion } = await this.decisions.explain(tenantId, input);
    return { allowed, code, reason, policyVersion };
  }
}
