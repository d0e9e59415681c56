import { eventStreamName, idempotencyBucketName, inboxConsumerName, SERVICE_NAMES, subjectPrefix, webhookConsumerName } from './subjects';
import type { ServiceName } from './subjects';

/** The NATS users of a deployment: one per service, the gateway, and read-only integrators. */
export const GATEWAY_USER = 'gateway';
export const INTEGRATOR_USER = 'integrator';
export type BusUser = ServiceName | typeof GATEWAY_USER | typeof INTEGRATOR_USER;
export const BUS_USERS: readonly BusUser[] = [...SERVICE_NAMES, GATEWAY_USER, INTEGRATOR_USER];

/**
 * Whose RPC each process calls (`bus.request('<service>.…')` in its sources). NATS permits a process to request
 * exactly these services' `rpc.<service>.>` subjects, so a new call to another service starts here.
 */
export const RPC_CALLS: Readonly<Record<ServiceName | typeof GATEWAY_USER, readonly ServiceName[]>> = {
  identity: ['permissions'],
  permissions: ['directory', 'identity', 'inquiries', 'workflow'],
  directory: ['identity'],
  workflow: ['directory', 'identity', 'permissions'],
  inquiries: ['directory', 'permissions'],
  integrations: ['directory'],
  gateway: SERVICE_NAMES,
};

/** What one NATS user may do, in nats-server's terms (`authorization.users[].permissions`). */
export interface BusPermissions {
  publish: { allow: string[]; deny?: string[] };
  subscribe: { allow: string[]; deny?: string[] };
  /** May reply to the requests it received (a service answering its RPC). */
  allow_responses?: boolean;
}

/**
 * Reading the event stream through JetStream consumers (pull or ordered): the JetStream API subjects about this
 * deployment's stream only, so one deployment (or test run) cannot touch another's on a shared server.
 */
function streamReading(stream: string): string[] {
  return [
    '$JS.API.INFO',
    '$JS.API.STREAM.NAMES',
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.MSG.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}.>`,
    `$JS.API.CONSUMER.CREATE.${stream}`,
    `$JS.API.CONSUMER.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`,
    `$JS.API.CONSUMER.INFO.${stream}.>`,
    `$JS.API.CONSUMER.DELETE.${stream}.>`,
    `$JS.API.CONSUMER.NAMES.${stream}`,
    `$JS.API.CONSUMER.LIST.${stream}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
    // Acknowledgements; the second form is the newer ack subject (with domain and account hash tokens).
    `$JS.ACK.${stream}.>`,
    `$JS.ACK.*.*.${stream}.>`,
    `$JS.FC.${stream}.>`,
  ];
}

/** Reading and writing one JetStream key-value bucket (the gateway's idempotency records), creating it if missing. */
function keyValueBucket(bucket: string): string[] {
  const stream = `KV_${bucket}`;
  return [
    `$KV.${bucket}.>`,
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.STREAM.CREATE.${stream}`,
    `$JS.API.STREAM.UPDATE.${stream}`,
    `$JS.API.STREAM.MSG.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}`,
    `$JS.API.DIRECT.GET.${stream}.>`,
  ];
}

/**
 * The integrator must not take over the services' inbox consumers: pulling from one steals the service's events,
 * deleting one makes it start over. Their names are known, so these subjects are denied.
 */
function serviceConsumerSubjects(stream: string, prefix: string): string[] {
  const names = [
    ...SERVICE_NAMES.flatMap((service) => SERVICE_NAMES.map((source) => inboxConsumerName(service, source, prefix))),
    webhookConsumerName(prefix),
  ];
  return names.flatMap((name) => [
    `$JS.API.CONSUMER.*.${stream}.${name}`,
    `$JS.API.CONSUMER.*.${stream}.${name}.>`,
    `$JS.API.CONSUMER.*.*.${stream}.${name}`,
    `$JS.API.CONSUMER.*.*.${stream}.${name}.>`,
    `$JS.ACK.${stream}.${name}.>`,
    `$JS.ACK.*.*.${stream}.${name}.>`,
  ]);
}

/**
 * The permissions of every bus user for one deployment (`prefix` = its NATS_SUBJECT_PREFIX, empty in production):
 * - a service serves only its own `rpc.<service>.>`, requests only the services it calls (RPC_CALLS) and its own
 *   health subject (the container health check runs as the service), publishes only its own events
 *   (`<service>.>`), and manages the event stream and consumers;
 * - the gateway requests every service's RPC, keeps its idempotency records in a key-value bucket and publishes
 *   nothing else;
 * - the integrator only reads the stream through consumers: no RPC, no publishing, no core subscriptions to
 *   anything but its inbox.
 * Everyone may subscribe to `_INBOX.>` (replies, consumer deliveries); services and the gateway also to the event
 * subjects, for core-NATS notices such as policy changes and realtime chat messages.
 */
export function busPermissions(prefix = ''): Record<BusUser, BusPermissions> {
  const p = subjectPrefix(prefix);
  const stream = eventStreamName(prefix);
  const reading = streamReading(stream);
  const managing = [...reading, `$JS.API.STREAM.CREATE.${stream}`, `$JS.API.STREAM.UPDATE.${stream}`];
  const events = SERVICE_NAMES.map((service) => `${p}${service}.>`);
  const rpcOf = (services: readonly ServiceName[]): string[] => services.map((service) => `${p}rpc.${service}.>`);

  const permissions = {} as Record<BusUser, BusPermissions>;
  for (const service of SERVICE_NAMES) {
    permissions[service] = {
      publish: { allow: [...rpcOf(RPC_CALLS[service]), `${p}rpc.${service}.health`, `${p}${service}.>`, ...managing] },
      subscribe: { allow: ['_INBOX.>', `${p}rpc.${service}.>`, ...events] },
      allow_responses: true,
    };
  }
  permissions[GATEWAY_USER] = {
    publish: { allow: [...rpcOf(RPC_CALLS[GATEWAY_USER]), ...managing, ...keyValueBucket(idempotencyBucketName(prefix))] },
    subscribe: { allow: ['_INBOX.>', ...events] },
  };
  permissions[INTEGRATOR_USER] = {
    publish: { allow: reading, deny: serviceConsumerSubjects(stream, prefix) },
    subscribe: { allow: ['_INBOX.>'] },
  };
  return permissions;
}
