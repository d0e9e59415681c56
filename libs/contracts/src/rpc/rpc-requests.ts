import type { RpcMap, RpcName } from './rpc-map';
import { NoData } from './rpc-request.contract';
import type { RpcRequestContract, RpcRequestContracts } from './rpc-request.contract';
import { AUDIT_RPC_REQUESTS } from './audit.rpc';
import { INQUIRIES_RPC_REQUESTS } from './inquiries.rpc';
import { INTEGRATIONS_RPC_REQUESTS } from './integrations.rpc';

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
};

export function requestContractFor(name: RpcName): RpcRequestContract<object> | undefined {
  return RPC_REQUEST_CONTRACTS[name] as RpcRequestContract<object> | undefined;
}
