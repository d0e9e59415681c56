/**
 * Every NATS subject the product uses goes through here so that one deployment (or one test run)
 * can share a NATS cluster with another without crosstalk: `NATS_SUBJECT_PREFIX=staging` turns
 * `identity.employee.created.v1` into `staging.identity.employee.created.v1`. Empty in production.
 */
export function subjectPrefix(prefix: string = process.env.NATS_SUBJECT_PREFIX ?? ''): string {
  return prefix.trim() ? `${prefix.trim()}.` : '';
}

/** The owning services; each owns the `<service>.>` event subjects. */
export const SERVICE_NAMES = ['identity', 'permissions', 'directory', 'workflow', 'inquiries', 'integrations'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Request-reply subjects live under `rpc.` so the event stream never captures them. */
export function rpcSubject(name: string): string {
  return `${subjectPrefix()}rpc.${name}`;
}

export function eventSubject(type: string): string {
  return `${subjectPrefix()}${type}`;
}

/** The JetStream stream that holds every domain event of this deployment. */
export function eventStreamName(prefix: string = process.env.NATS_SUBJECT_PREFIX ?? ''): string {
  return prefix.trim() ? `WARDEN_EVENTS_${prefix.trim().replace(/[^A-Za-z0-9_-]/g, '_')}` : 'WARDEN_EVENTS';
}

/** The gateway's JetStream key-value bucket of Idempotency-Key records (its stream is `KV_<bucket>`). */
export function idempotencyBucketName(prefix: string = process.env.NATS_SUBJECT_PREFIX ?? ''): string {
  return prefix.trim() ? `WARDEN_IDEMPOTENCY_${prefix.trim().replace(/[^A-Za-z0-9_-]/g, '_')}` : 'WARDEN_IDEMPOTENCY';
}

export function eventStreamSubjects(prefix?: string): string[] {
  return SERVICE_NAMES.map((service) => `${subjectPrefix(prefix)}${service}.>`);
}

/** The durable JetStream consumer through which `service` reads the events of `source` into its inbox. */
export function inboxConsumerName(service: string, source: string, prefix?: string): string {
  return `${subjectPrefix(prefix).replace(/\W/g, '_')}${service}-from-${source}`;
}

/** The durable JetStream consumer through which the integrations service reads every event for webhook delivery. */
export function webhookConsumerName(prefix?: string): string {
  return `${subjectPrefix(prefix).replace(/\W/g, '_')}integrations-webhooks`;
}
