import { WebhookDisabledV1 } from '@warden/contracts';
import type { OutgoingEvent } from '@warden/contracts';

export function webhookDisabled(tenantId: string, endpointId: string, url: string, reason: string): OutgoingEvent<WebhookDisabledV1> {
  return { contract: WebhookDisabledV1, tenantId, subject: endpointId, data: { endpointId, url, reason, at: new Date().toISOString() } };
}
