import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { CheckData, Explanation } from '@warden/contracts';
import { PersonErrors } from '../persons/person.errors';
import { DecisionEvaluator } from './decision.evaluator';

export class ExplainDecisionQuery extends Query<Explanation> {
  constructor(
    readonly tenantId: string,
    readonly input: CheckData,
  ) {
    super();
  }
}

@QueryHandler(ExplainDecisionQuery)
export class ExplainDecisionHandler implements IQueryHandler<ExplainDecisionQuery> {
  constructor(private readonly decisions: DecisionEvaluator) {}

  async execute({ tenantId, input }: ExplainDecisionQuery): Promise<Explanation> {
    const explanation = await this.decisions.explain(tenantId, input);
    // Asked by an administrator about someone: a person of another tenant (or nobody) is not found.
    if (explanation.code === 'PERSON.UNKNOWN') throw PersonErrors.notFound();
    return explanation;
  }
}
