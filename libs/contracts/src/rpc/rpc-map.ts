import type { NoData } from './rpc-request.contract';
import type { IdentityRpc } from './identity.rpc';
import type { ScheduleRpc } from './schedule.rpc';
import type { PermissionsRpc } from './permissions.rpc';
import type { DirectoryRpc } from './directory.rpc';
import type { WorkflowRpc } from './workflow.rpc';
import type { StatusAccessRpc } from './status-access.rpc';
import type { TaskRpc } from './task.rpc';
import type { InquiriesRpc } from './inquiries.rpc';
import type { RightsHoldersRpc } from './rights-holders.rpc';
import type { OrderVisibilityRpc } from './order-visibility.rpc';
import type { IntegrationsRpc } from './integrations.rpc';
import type { AuditRpc } from './audit.rpc';
import type { PermissionPreviewRpc } from './permission-preview.rpc';
import type { AutomationRpc } from './automation.rpc';

/**
 * Every request-reply message: subject (without the `rpc.` prefix) -> request data and response.
 * The BusClient is typed by this map, so a gateway call and its service handler cannot drift apart.
 * Each service's RPC interface lives in its own file and is listed here.
 */
export interface RpcMap
  extends IdentityRpc,
    ScheduleRpc,
    PermissionsRpc,
    DirectoryRpc,
    WorkflowRpc,
    StatusAccessRpc,
    TaskRpc,
    InquiriesRpc,
    RightsHoldersRpc,
    OrderVisibilityRpc,
    IntegrationsRpc,
    AuditRpc,
    PermissionPreviewRpc,
    AutomationRpc {
  'identity.health': { request: NoData; response: { service: string; status: 'ok' } };
  'permissions.health': { request: NoData; response: { service: string; status: 'ok' } };
  'directory.health': { request: NoData; response: { service: string; status: 'ok' } };
  'workflow.health': { request: NoData; response: { service: string; status: 'ok' } };
  'inquiries.health': { request: NoData; response: { service: string; status: 'ok' } };
  'integrations.health': { request: NoData; response: { service: string; status: 'ok' } };
}

export type RpcName = keyof RpcMap;
export type RpcRequestData<K extends RpcName> = RpcMap[K]['request'];
export type RpcResponse<K extends RpcName> = RpcMap[K]['response'];
