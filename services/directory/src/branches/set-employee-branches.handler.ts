import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { EmployeeBranchesChangedV1 } from '@warden/contracts';
import type { EmployeeBranchesInput, EmployeeBranchesView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { EmployeeCheck } from '../employees/employee.check';
import { unique } from '../shared/text';
import { BranchErrors } from './branch.errors';
import { BranchRepository } from './branch.repository';
import { EmployeeBranchesRepository } from './employee-branches.repository';

export class SetEmployeeBranchesCommand extends Command<EmployeeBranchesView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: EmployeeBranchesInput,
  ) {
    super();
  }
}

/** Sets an employee's main branch, additional branches, or every branch, as a whole. */
@CommandHandler(SetEmployeeBranchesCommand)
export class SetEmployeeBranchesHandler implements ICommandHandler<SetEmployeeBranchesCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
    private readonly access: EmployeeBranchesRepository,
    private readonly employees: EmployeeCheck,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, input }: SetEmployeeBranchesCommand): Promise<EmployeeBranchesView> {
    const tenantId = ctx.tenantId;
    await this.employees.requireEmployeeExists(ctx, input.personId);
    const mainBranchId = input.mainBranchId;
    const additional = unique(input.additionalBranchIds);
    if (mainBranchId && additional.includes(mainBranchId)) {
      throw DomainError.invalid('BRANCH_ACCESS.MAIN_REPEATED', 'additionalBranchIds', 'must not repeat mainBranchId');
    }
    if (!mainBranchId && additional.length > 0) {
      throw DomainError.invalid('BRANCH_ACCESS.MAIN_REQUIRED', 'mainBranchId', 'is required when additional branches are given');
    }
    return this.dataSource.transaction(async (manager) => {
      // A branch deleted between this check and the write is still caught by the composite foreign keys.
      const known = await this.branches.existing(manager, tenantId, mainBranchId ? [mainBranchId, ...additional] : additional);
      if (mainBranchId && !known.has(mainBranchId)) throw BranchErrors.unknown('mainBranchId');
      const missing = additional.findIndex((id) => !known.has(id));
      if (missing >= 0) throw BranchErrors.unknown(`additionalBranchIds.${missing}`);
      await this.access.replace(manager, tenantId, {
        personId: input.personId,
        mainBranchId,
        additionalBranchIds: additional,
        allBranches: input.allBranches,
      });
      const view = await this.access.read(manager, tenantId, input.personId);
      await this.events.publish(
        {
          contract: EmployeeBranchesChangedV1,
          tenantId,
          subject: input.personId,
          data: {
            personId: input.personId,
            mainBranchId: view.mainBranchId,
            additionalBranchIds: view.additionalBranchIds,
            allBranches: view.allBranches,
            at: view.updatedAt ?? new Date().toISOString(),
          },
        },
        manager,
      );
      return view;
    });
  }
}
