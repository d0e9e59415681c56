import type { RpcMap, RpcName } from './rpc-map';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContract, RpcRequestContracts } from './rpc-request.contract';
import { AUDIT_RPC_REQUESTS } from './audit.rpc';
import { INQUIRIES_RPC_REQUESTS } from './inquiries.rpc';
import { INTEGRATIONS_RPC_REQUESTS } from './integrations.rpc';
import { AUTOMATION_RPC_REQUESTS } from './automation.rpc';
import { TASK_RPC_REQUESTS } from './task.rpc';
import { WORKFLOW_RPC_REQUESTS } from './workflow.rpc';
import { DIRECTORY_RPC_REQUESTS } from './directory.rpc';
import { IDENTITY_RPC_REQUESTS } from './identity.rpc';
import { SCHEDULE_RPC_REQUESTS } from './schedule.rpc';
import { PERMISSIONS_RPC_REQUESTS } from './permissions.rpc';
import { STATUS_ACCESS_RPC_REQUESTS } from './status-access.rpc';
import { RIGHTS_HOLDERS_RPC_REQUESTS } from './rights-holders.rpc';
import { ORDER_VISIBILITY_RPC_REQUESTS } from './order-visibility.rpc';
import { PERMISSION_PREVIEW_RPC_REQUESTS } from './permission-preview.rpc';

const HEALTH_RPC_REQUESTS = {
  'identity.health': NoData,
  'permissions.health': NoData,
  'directory.health': NoData,
  'workflow.health': NoData,
  'inquiries.health': NoData,
  'integrations.health': NoData,
} as const;

/**
 * The request class of every RPC, checked where the message arrives (libs/service-kit/src/rpc-validation.interceptor.ts).
 * Each service's map sits beside its RpcMap interface and is typed complete against it.
 */
export const RPC_REQUEST_CONTRACTS: Partial<RpcRequestContracts<RpcMap>> = {
  ...HEALTH_RPC_REQUESTS,
  ...AUDIT_RPC_REQUESTS,
  ...INQUIRIES_RPC_REQUESTS,
  ...INTEGRATIONS_RPC_REQUESTS,
  ...WORKFLOW_RPC_REQUESTS,
  ...TASK_RPC_REQUESTS,
  ...AUTOMATION_RPC_REQUESTS,
  ...DIRECTORY_RPC_REQUESTS,
  ...IDENTITY_RPC_REQUESTS,
  ...SCHEDULE_RPC_REQUESTS,
  ...PERMISSIONS_RPC_REQUESTS,
  ...STATUS_ACCESS_RPC_REQUESTS,
  ...RIGHTS_HOLDERS_RPC_REQUESTS,
  ...ORDER_VISIBILITY_RPC_REQUESTS,
  ...PERMISSION_PREVIEW_RPC_REQUESTS,
};

export function requestContractFor(name: RpcName): RpcRequestContract<object> | undefined {
  return RPC_REQUEST_CONTRACTS[name] as RpcRequestContract<object> | undefined;
}
