import { IsISO8601, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { Page } from '@warden/kernel';
import type { RpcRequestContracts } from './rpc-request.contract';
import type { AuditActorKind } from '../events/audit.events';

/** One entry of the audit log as `GET /api/v1/audit` answers it; `id` is the id of the event that carried it. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: { id: string | null; kind: AuditActorKind };
  action: string;
  resource: { type: string; id: string };
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  requestId: string | null;
}

/** Filters of the audit log. */
export class AuditQuery {
  @IsOptional() @IsUUID() actorId?: string;
  @IsOptional() @IsString() @MaxLength(100) resourceType?: string;
  @IsOptional() @IsString() @MaxLength(200) resourceId?: string;
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  /** ISO 8601 instants: entries at or after `from`, before `to`. */
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @IsString() @MaxLength(200) requestId?: string;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
}

export interface AuditRpc {
  'integrations.audit.list': { request: AuditQuery; response: Page<AuditEntryView> };
}

export const AUDIT_RPC_REQUESTS: RpcRequestContracts<AuditRpc> = {
  'integrations.audit.list': AuditQuery,
};
