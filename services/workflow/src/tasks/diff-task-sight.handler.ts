import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { RpcResponse, TaskSightPair } from '@warden/contracts';
import { TaskSightRepository } from './task-sight.repository';

type SightDiff = RpcResponse<'workflow.tasks.sight-diff'>;

export class DiffTaskSightQuery extends Query<SightDiff> {
  constructor(
    readonly tenantId: string,
    readonly pairs: TaskSightPair[],
  ) {
    super();
  }
}

/**
 * What a permission change does to a person's task lists (the permission preview): the tasks the list filter
 * before the change holds and the one after does not (lose), and the reverse (gain). Task participants live here
 * only, so the permissions service sends both filters, as for orders (diff-order-sight.handler.ts).
 */
@QueryHandler(DiffTaskSightQuery)
export class DiffTaskSightHandler implements IQueryHandler<DiffTaskSightQuery> {
  constructor(private readonly repository: TaskSightRepository) {}

  execute({ tenantId, pairs }: DiffTaskSightQuery): Promise<SightDiff> {
    return Promise.all(
      pairs.map(async ({ before, after }) => {
        const [lose, gain] = await Promise.all([
          this.repository.delta(tenantId, before, after),
          this.repository.delta(tenantId, after, before),
        ]);
        return { lose, gain };
      }),
    );
  }
}
