import type { DomainError } from '@warden/kernel';
import { OrderErrors } from './order.errors';

/**
 * The status a new order starts in: the one its creator named, or else the workflow's first initial status
 * (`status` is what the lookup found, null for nothing). Refused: a named status that is unknown or of
 * another workflow; a workflow without an initial status; an archived status.
 */
export function orderStartStatus<S extends { workflowId: string; archived: boolean }>(
  status: S | null,
  workflowId: string,
  named: boolean,
): S | DomainError {
  if (!status) return named ? OrderErrors.unknownStatus() : OrderErrors.noInitialStatus();
  if (status.workflowId !== workflowId) return OrderErrors.unknownStatus();
  if (status.archived) return OrderErrors.archivedStatus();
  return status;
}
