/**
 * Every NATS subject the product uses goes through here so that one deployment (or one test run)
 * can share a NATS cluster with another without crosstalk: `NATS_SUBJECT_PREFIX=staging` turns
 * `identity.employee.created.v1` into `staging.identity.employee.created.v1`. Empty in production.
 */
export function subjectPrefix(): string {
  const prefix = process.env.NATS_SUBJECT_PREFIX?.trim() ?? '';
  return prefix ? `${prefix}.` : '';
}

/** The owning services; each owns the `<service>.>` event subjects. */
export const SERVICE_NAMES = ['identity', 'permissions', 'directory', 'workflow', 'inquiries'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Request-reply subjects live under `rpc.` so the event stream never captures them. */
export function rpcSubject(name: string): string {
  return `${subjectPrefix()}rpc.${name}`;
}

export function eventSubject(type: string): string {
  return `${subjectPrefix()}${type}`;
}

/** The JetStream stream that holds every domain event of this deployment. */
export function eventStreamName(): string {
  const prefix = process.env.NATS_SUBJECT_PREFIX?.trim();
  return prefix ? `WARDEN_EVENTS_${prefix.replace(/[^A-Za-z0-9_-]/g, '_')}` : 'WARDEN_EVENTS';
}

export function eventStreamSubjects(): string[] {
  return SERVICE_NAMES.map((service) => `${subjectPrefix()}${service}.>`);
}
