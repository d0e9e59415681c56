import type { EntityManager } from 'typeorm';
import type { WebhookEndpointInput, WebhookEndpointView } from '@warden/contracts';
import type { AuditValues } from '@warden/messaging';
import type { EndpointRecord, EndpointRepository, EndpointRow } from './endpoint.repository';
import { eventTypeProblem } from './event-type.filter';
import type { TargetAddressPolicy } from './target-address.policy';
import { WebhookErrors } from './webhook.errors';

/**
 * An endpoint as stored: an address the product may call and event types it publishes. Their shape (text, at least
 * one event type, trimmed, a blank description as none) the request class has settled
 * (libs/contracts/src/rpc/integrations.rpc.ts).
 */
export function endpointRecord(input: WebhookEndpointInput, policy: TargetAddressPolicy): EndpointRecord {
  const urlProblem = policy.urlProblem(input.url);
  if (urlProblem) throw WebhookErrors.badUrl(urlProblem);
  input.eventTypes.forEach((pattern, index) => {
    const problem = eventTypeProblem(pattern);
    if (problem) throw WebhookErrors.badEventType(index, problem);
  });
  return {
    url: input.url,
    eventTypes: [...new Set(input.eventTypes)],
    description: input.description ?? null,
    active: input.active ?? true,
  };
}

/**
 * The URL's host name, resolved when the endpoint is saved, must not lead inside the deployment either
 * (WEBHOOK.BAD_URL naming `url`); delivery checks the address again, against DNS rebinding.
 */
export async function assertPublicTarget(policy: TargetAddressPolicy, url: string): Promise<void> {
  const problem = await policy.resolvedProblem(url);
  if (problem) throw WebhookErrors.badUrl(problem);
}

/** What the audit log shows of an endpoint (never its secret). */
export function webhookValues(view: WebhookEndpointView): AuditValues {
  return { url: view.url, eventTypes: view.eventTypes, description: view.description, active: view.active };
}

/** The endpoint of the tenant, or WEBHOOK.NOT_FOUND; `lock` holds its row until the transaction ends. */
export async function existingEndpoint(
  endpoints: EndpointRepository,
  manager: EntityManager,
  tenantId: string,
  endpointId: string,
  lock = false,
): Promise<EndpointRow> {
  const endpoint = await endpoints.find(manager, tenantId, endpointId, lock);
  if (!endpoint) throw WebhookErrors.notFound();
  return endpoint;
}
