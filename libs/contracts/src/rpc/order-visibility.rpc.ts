import type { RpcRequestContracts } from './rpc-request.contract';
import { PersonIdRef } from './status-access.rpc';
import type { OrderScope } from './workflow.rpc';
import type { ProjectScope } from './task.rpc';

/**
 * Which orders a person sees (docs/rules.md#orders), for list filters: the statuses it may view and
 * the department / client part of the rule. The workflow service turns it into SQL.
 */
export interface OrderVisibilityScope extends OrderScope {
  statusIds: string[];
  policyVersion: number;
}

export interface OrderVisibilityRpc {
  'permissions.orders.visibility-scope': { request: PersonIdRef; response: OrderVisibilityScope };
  /** Which projects and templates a person sees (a contact: its own company's), for list filters. */
  'permissions.projects.visibility-scope': { request: PersonIdRef; response: ProjectScope & { policyVersion: number } };
}

export const ORDER_VISIBILITY_RPC_REQUESTS: RpcRequestContracts<OrderVisibilityRpc> = {
  'permissions.orders.visibility-scope': PersonIdRef,
  'permissions.projects.visibility-scope': PersonIdRef,
};
