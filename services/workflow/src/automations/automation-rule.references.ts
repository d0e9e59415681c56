import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import { AUTOMATION_CONTACT_ID_FIELDS, AUTOMATION_VALUELESS_OPERATORS, CONTACT_STATUSES, isContactTextField } from '@warden/contracts';
import type { AutomationActions, AutomationConditions, AutomationContactCondition, RequestContext } from '@warden/contracts';
import { OrderRepository } from '../orders/order.repository';
import { tagListOf, tagOf } from '../orders/order-tags.policy';
import { PeopleDirectory } from '../people/people.directory';
import { AutomationErrors } from './automation.errors';

/** A directory read that answers false for an unknown id, or rethrows anything else (503, ...). */
async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return false;
    throw error;
  }
}

/**
 * Checks every id a rule names in the caller's tenant, so another tenant's id is as unknown as a made-up one:
 * 422 naming the field (`conditions.statusIds.1`, `actions.responsibleId`). Statuses must be of an order workflow
 * (this service's), and a status to set not archived; departments, companies and channels are the directory's; the responsible person and the person to notify must be employees;
 * tags are normalised and checked as an order's are (orders/order-tags.policy.ts).
 * Ids come lower-cased by the request's class (libs/contracts/src/rpc/automation.rpc.ts), as the orders store
 * them, so conditions compare equal.
 */
@Injectable()
export class AutomationRuleReferences {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly people: PeopleDirectory,
    private readonly bus: BusClient,
  ) {}

  async conditions(ctx: RequestContext, conditions: AutomationConditions): Promise<AutomationConditions> {
    const checked: AutomationConditions = {};
    if (conditions.statusIds) {
      checked.statusIds = await this.each(conditions.statusIds, 'conditions.statusIds', AutomationErrors.unknownStatus, (id) =>
        this.orderStatus(ctx, id),
      );
    }
    if (conditions.departmentIds) {
      checked.departmentIds = await this.each(
        conditions.departmentIds,
        'conditions.departmentIds',
        AutomationErrors.unknownDepartment,
        (departmentId) => exists(() => this.bus.request('directory.departments.get', ctx, { departmentId })),
      );
    }
    if (conditions.clientCompanyIds) {
      checked.clientCompanyIds = await this.each(
        conditions.clientCompanyIds,
        'conditions.clientCompanyIds',
        AutomationErrors.unknownCompany,
        (companyId) => exists(() => this.bus.request('directory.companies.get', ctx, { companyId })),
      );
    }
    if (conditions.channelIds) {
      checked.channelIds = await this.each(conditions.channelIds, 'conditions.channelIds', AutomationErrors.unknownChannel, (channelId) =>
        exists(() => this.bus.request('directory.channels.get', ctx, { channelId })),
      );
    }
    if (conditions.tags) {
      // Normalised as the orders' own tags are, so the condition compares equal (a bad one: `conditions.tags.N`).
      const tags = tagListOf(conditions.tags, 'conditions.tags');
      if (tags instanceof DomainError) throw tags;
      checked.tags = tags;
    }
    if (conditions.contactFields) {
      checked.contactFields = [];
      for (const [index, condition] of conditions.contactFields.entries()) {
        checked.contactFields.push(await this.contactCondition(ctx, condition, `conditions.contactFields.${index}`));
      }
    }
    return checked;
  }

  /**
   * A contact test that can be decided: a value exactly when the operator takes one, `contains` on text only, a
   * status among the contact statuses, a branch or employee of this tenant (lower-cased, as the directory keeps ids).
   */
  private async contactCondition(
    ctx: RequestContext,
    { field, operator, value }: AutomationContactCondition,
    path: string,
  ): Promise<AutomationContactCondition> {
    if (AUTOMATION_VALUELESS_OPERATORS.includes(operator)) {
      if (value !== undefined) throw AutomationErrors.conditionValueUnexpected(`${path}.value`, operator);
      return { field, operator };
    }
    if (!value) throw AutomationErrors.conditionValueRequired(`${path}.value`, operator);
    if (operator === 'contains' && !isContactTextField(field)) throw AutomationErrors.conditionOperator(`${path}.operator`, field);
    if (field === 'status' && !(CONTACT_STATUSES as readonly string[]).includes(value)) {
      throw AutomationErrors.conditionValue(`${path}.value`, `must be one of ${CONTACT_STATUSES.join(', ')}`);
    }
    if ((AUTOMATION_CONTACT_ID_FIELDS as readonly string[]).includes(field)) {
      const id = value.toLowerCase();
      if (!isUuid(id)) throw AutomationErrors.conditionValue(`${path}.value`, 'must be an id (UUID)');
      if (field === 'responsibleEmployeeId') await this.employee(ctx, id, `${path}.value`);
      else if (!(await exists(() => this.bus.request('directory.branches.get', ctx, { branchId: id })))) {
        throw AutomationErrors.unknownBranch(`${path}.value`);
      }
      return { field, operator, value: id };
    }
    return { field, operator, value };
  }

  /** `ownerId`: whose rights bound the rule (its creator), for what depends on the owner's kind. */
  async actions(ctx: RequestContext, actions: AutomationActions, ownerId: string): Promise<AutomationActions> {
    const checked: AutomationActions = {};
    if (actions.departmentId !== undefined) {
      const departmentId = actions.departmentId;
      const known = await exists(() => this.bus.request('directory.departments.get', ctx, { departmentId }));
      if (!known) throw AutomationErrors.unknownDepartment('actions.departmentId');
      checked.departmentId = departmentId;
    }
    if (actions.statusId !== undefined) {
      // Which workflow the order is of is known only when the rule runs: a status of another one is refused then.
      const field = 'actions.statusId';
      if (!(await this.orderStatus(ctx, actions.statusId))) throw AutomationErrors.unknownStatus(field);
      if ((await this.orders.status(ctx.tenantId, actions.statusId))?.archived) throw AutomationErrors.archivedStatus(field);
      checked.statusId = actions.statusId;
    }
    if (actions.responsibleId !== undefined) {
      checked.responsibleId = await this.employee(ctx, actions.responsibleId, 'actions.responsibleId');
    }
    if (actions.tag !== undefined) {
      const tag = tagOf(actions.tag, 'actions.tag');
      if (tag instanceof DomainError) throw tag;
      checked.tag = tag;
    }
    if (actions.note !== undefined) {
      if (!actions.note) throw AutomationErrors.noteRequired();
      // A person's kind never changes, so a note a client could not write is refused now rather than at every run.
      const kinds = await this.people.kinds(ctx, [{ personId: ownerId, field: 'actions.note' }]);
      if (kinds.get(ownerId) !== 'employee') throw AutomationErrors.noteByClient();
      checked.note = actions.note;
    }
    if (actions.notifyPersonId !== undefined) {
      checked.notifyPersonId = await this.employee(ctx, actions.notifyPersonId, 'actions.notifyPersonId');
    }
    if (Object.keys(checked).length === 0) throw AutomationErrors.noActions();
    return checked;
  }

  /** The id, when it is an employee of the tenant; else 422 naming the field. */
  private async employee(ctx: RequestContext, personId: string, field: string): Promise<string> {
    let kinds: Map<string, string>;
    try {
      kinds = await this.people.kinds(ctx, [{ personId, field }]);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'validation') throw AutomationErrors.unknownEmployee(field);
      throw error;
    }
    if (kinds.get(personId) !== 'employee') throw AutomationErrors.unknownEmployee(field);
    return personId;
  }

  private async orderStatus(ctx: RequestContext, statusId: string): Promise<boolean> {
    const status = await this.orders.status(ctx.tenantId, statusId);
    return status !== null && (await this.orders.orderWorkflowExists(ctx.tenantId, status.workflowId, this.dataSource.manager));
  }

  private async each(
    ids: string[],
    field: string,
    unknown: (field: string) => DomainError,
    known: (id: string) => Promise<boolean>,
  ): Promise<string[]> {
    const checked: string[] = [];
    for (const [index, id] of ids.entries()) {
      if (!(await known(id))) throw unknown(`${field}.${index}`);
      checked.push(id);
    }
    return [...new Set(checked)];
  }
}
