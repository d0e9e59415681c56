import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateBy, ValidateNested } from 'class-validator';

export const AUDIT_ACTOR_KINDS = ['person', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** Field values of an audit entry: a JSON object (any JSON values per field). AsyncAPI: `isjsonobject` in asyncapi.generator.ts. */
function IsJsonObject(): PropertyDecorator {
  return ValidateBy({
    name: 'isJsonObject',
    validator: {
      validate: (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value),
      defaultMessage: () => '$property must be a JSON object',
    },
  });
}

export class AuditActorV1 {
  /** The signed-in person; null when the system made the change (provisioning, a consumer of another service's event). */
  @IsOptional() @IsUUID() id!: string | null;
  @IsIn(AUDIT_ACTOR_KINDS) kind!: AuditActorKind;
}

export class AuditResourceV1 {
  /** What was changed: `group`, `person`, `department`, `webhook`, ... */
  @IsString() @MaxLength(100) type!: string;
  @IsString() @MaxLength(200) id!: string;
}

/**
 * One administrative change, written by the changing service in the same transaction as the change (its outbox,
 * libs/messaging/src/audit.recorder.ts) and kept by the integrations service (services/integrations/src/audit).
 * Each service publishes only its own events, so each has its own type below; the payload is the same.
 */
export class AuditRecordedV1 {
  @ValidateNested() @Type(() => AuditActorV1) actor!: AuditActorV1;
  /** `<resource>.<verb>`, e.g. `status-access.person.updated`, `group.updated`. */
  @IsString() @MaxLength(100) action!: string;
  @ValidateNested() @Type(() => AuditResourceV1) resource!: AuditResourceV1;
  /** The changed fields' values before the change (absent fields did not exist, e.g. on creation). */
  @IsJsonObject() before!: Record<string, unknown>;
  /** The changed fields' values after the change (empty on deletion). */
  @IsJsonObject() after!: Record<string, unknown>;
  /** The X-Request-Id of the HTTP request that made the change; null for system changes. */
  @IsOptional() @IsString() @MaxLength(200) requestId!: string | null;
  @IsISO8601() at!: string;
}

export class IdentityAuditRecordedV1 extends AuditRecordedV1 {
  static readonly type = 'identity.audit.recorded.v1';
}
export class PermissionsAuditRecordedV1 extends AuditRecordedV1 {
  static readonly type = 'permissions.audit.recorded.v1';
}
export class DirectoryAuditRecordedV1 extends AuditRecordedV1 {
  static readonly type = 'directory.audit.recorded.v1';
}
export class WorkflowAuditRecordedV1 extends AuditRecordedV1 {
  static readonly type = 'workflow.audit.recorded.v1';
}
export class InquiriesAuditRecordedV1 extends AuditRecordedV1 {
  static readonly type = 'inquiries.audit.recorded.v1';
}
export class IntegrationsAuditRecordedV1 extends AuditRecordedV1 {
  static readonly type = 'integrations.audit.recorded.v1';
}

/** Every service's audit event, in SERVICE_NAMES order (libs/contracts/src/subjects.ts). */
export const AUDIT_EVENT_CONTRACTS = [
  IdentityAuditRecordedV1,
  PermissionsAuditRecordedV1,
  DirectoryAuditRecordedV1,
  WorkflowAuditRecordedV1,
  InquiriesAuditRecordedV1,
  IntegrationsAuditRecordedV1,
] as const;

/** The audit event contract of one service: `<service>.audit.recorded.v1`. */
export function auditEventContract(service: string): (typeof AUDIT_EVENT_CONTRACTS)[number] {
  const contract = AUDIT_EVENT_CONTRACTS.find((candidate) => candidate.type === `${service}.audit.recorded.v1`);
  if (!contract) throw new Error(`No audit event contract for the service '${service}'`);
  return contract;
}
