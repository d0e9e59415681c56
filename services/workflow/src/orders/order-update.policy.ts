import { DomainError } from '@warden/kernel';
import type { OrderFieldChanges, OrderTagsChange, OrderView } from '@warden/contracts';
import { OrderErrors } from './order.errors';
import { orderTagsOf, tagsChange } from './order-tags.policy';
import { orderVersionRefusal } from './order-version.policy';

type OrderClientFields = Pick<OrderView, 'clientContactId' | 'clientCompanyId' | 'equipmentId'>;

/** The fields an update writes besides the client (which `OrderUpdatePlan.client` carries whole); tags normalised. */
export type OrderFieldWrites = Pick<OrderFieldChanges, 'title' | 'description' | 'clientRef' | 'responsibleId' | 'tags'>;

export interface OrderUpdatePlan {
  fields: OrderFieldWrites;
  /** The client as it will be stored: the one resolved for this change, or the order's own. */
  client: OrderClientFields;
  /** What the new set of tags added and removed (a `tags` history entry and event); null when they stay. */
  tags: OrderTagsChange | null;
}

/**
 * Checked before the order is read: a title, when given, is not blank (the request's class trimmed it); tags, when
 * given, are a set of at most 20 tags (order-tags.policy.ts), a bad one named by its index.
 */
export function orderFieldsRefusal(changes: OrderFieldChanges): DomainError | null {
  if (changes.title !== undefined && !changes.title) return OrderErrors.titleRequired();
  const tags = changes.tags === undefined ? null : orderTagsOf(changes.tags);
  return tags instanceof DomainError ? tags : null;
}

/**
 * Checked against the order as read before the lock: an update may name the department only as it is;
 * moving the order elsewhere is a transfer, decided under its own right (see order-transfer.policy.ts).
 */
export function orderDepartmentRefusal(before: Pick<OrderView, 'departmentId'>, changes: OrderFieldChanges): DomainError | null {
  const { departmentId } = changes;
  // null never matches, not even on an order without a department (order-update.policy.spec.ts).
  return departmentId !== undefined && (departmentId === null || departmentId !== before.departmentId) ? OrderErrors.useTransfer() : null;
}

/**
 * What an update of the order (`current`, read under its row lock) writes. Refused: another version than the
 * request names; or, when the client changes, any change since `before` — the client was resolved and checked
 * against that read, so a concurrent change wins the race honestly.
 */
export function planOrderUpdate(
  before: Pick<OrderView, 'version'>,
  current: Pick<OrderView, 'version' | 'tags'> & OrderClientFields,
  request: { expectedVersion?: number; changes: OrderFieldChanges },
  client: OrderClientFields | null,
): OrderUpdatePlan | DomainError {
  const stale = orderVersionRefusal(current, request.expectedVersion);
  if (stale) return stale;
  if (client && current.version !== before.version) return OrderErrors.versionMismatch(before.version, current.version);
  const { title, description, clientRef, responsibleId } = request.changes;
  // The whole new set, compared with the tags under the row lock: what a concurrent change left is what this replaces.
  const tags = request.changes.tags === undefined ? undefined : orderTagsOf(request.changes.tags);
  if (tags instanceof DomainError) return tags;
  return {
    fields: { title, description, clientRef, responsibleId, tags },
    tags: tags === undefined ? null : tagsChange(current.tags, tags),
    client: client ?? {
      clientContactId: current.clientContactId,
      clientCompanyId: current.clientCompanyId,
      equipmentId: current.equipmentId,
    },
  };
}
