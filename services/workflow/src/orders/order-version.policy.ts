import type { DomainError } from '@warden/kernel';
import { OrderErrors } from './order.errors';

/**
 * Optimistic concurrency (`If-Match`): a change that names the version it was made against is refused
 * once the order moved past it; a change that names none is not checked. Read under the row lock.
 */
export function orderVersionRefusal(order: { version: number }, expectedVersion: number | undefined): DomainError | null {
  if (expectedVersion === undefined || expectedVersion === order.version) return null;
  return OrderErrors.versionMismatch(expectedVersion, order.version);
}
