import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditActorV1, AuditRecordedV1, AuditResourceV1, auditEventContract } from '@warden/contracts';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { MESSAGING_OPTIONS } from './messaging.options';
import type { MessagingOptions } from './messaging.options';
import { OutboxWriter } from './outbox.writer';
import { currentRequestContext } from './request-context.scope';

/** Field values of a resource as the audit log shows them; null: the resource did not exist (before) or no longer does (after). */
export type AuditValues = Record<string, unknown> | null;

export interface AuditChange {
  /** `<resource>.<verb>`: `group.created`, `status-access.person.updated`, ... */
  action: string;
  resource: { type: string; id: string };
  before: AuditValues;
  after: AuditValues;
}

/** Order-insensitive for object keys, so two snapshots built in different orders compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Only the fields whose values differ, on each side; null when nothing changed (then nothing is recorded). A creation
 * (before null) shows every field after, a deletion (after null) every field before.
 */
export function changedFields(
  before: AuditValues,
  after: AuditValues,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const old = before?.[key];
    const now = after?.[key];
    if (before && after && canonical(old) === canonical(now)) continue;
    if (before && Object.hasOwn(before, key)) changedBefore[key] = old ?? null;
    if (after && Object.hasOwn(after, key)) changedAfter[key] = now ?? null;
  }
  return Object.keys(changedBefore).length + Object.keys(changedAfter).length > 0 || !before || !after
    ? { before: changedBefore, after: changedAfter }
    : null;
}

/**
 * The audit event of one change made under `ctx` (the caller's RequestContext: actor and request id), or null when no
 * field changed. The one place an entry is built, so every service records the same shape.
 */
export function auditEntry(
  service: string,
  tenantId: string,
  change: AuditChange,
  ctx: RequestContext | undefined,
  now: Date = new Date(),
): OutgoingEvent<AuditRecordedV1> | null {
  const fields = changedFields(change.before, change.after);
  if (!fields) return null;
  const actorId = ctx?.actorId ?? null;
  const data: AuditRecordedV1 = Object.assign(new AuditRecordedV1(), {
    actor: Object.assign(new AuditActorV1(), { id: actorId, kind: actorId ? 'person' : 'system' }),
    action: change.action,
    resource: Object.assign(new AuditResourceV1(), { type: change.resource.type, id: change.resource.id }),
    before: fields.before,
    after: fields.after,
    requestId: ctx?.requestId || null,
    at: now.toISOString(),
  });
  return { contract: auditEventContract(service), tenantId, subject: change.resource.id, data };
}

/**
 * Records an administrative change in the audit log: the entry goes to the service's outbox through the caller's
 * transaction, so it exists exactly when the change was committed. The integrations service keeps the log
 * (services/integrations/src/audit). Actor and request id come from the RPC being handled (request-context.scope.ts).
 */
@Injectable()
export class AuditRecorder {
  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async record(manager: EntityManager, tenantId: string, ...changes: AuditChange[]): Promise<void> {
    const ctx = currentRequestContext();
    const now = new Date();
    const events = changes.map((change) => auditEntry(this.options.service, tenantId, change, ctx, now)).filter((event) => event !== null);
    await this.outbox.add(manager, ...events);
  }
}

/** A resource's view as audit values: its fields without the id and the bookkeeping timestamps. */
export function resourceValues(view: object | null): AuditValues {
  if (!view) return null;
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = view as Record<string, unknown>;
  return fields;
}
