import { newId } from '@warden/kernel';
import type { EventContract } from './events/event-registry';

/**
 * CloudEvents 1.0 JSON envelope (https://github.com/cloudevents/spec), with the `tenantid` extension
 * so a consumer can scope its work without opening `data`.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  /** URI reference of the producing service, e.g. `/warden/identity`. */
  source: string;
  /** Versioned type, also the NATS subject: `<service>.<entity>.<event>.v<N>`. */
  type: string;
  time: string;
  /** The id of the entity the event is about. */
  subject: string;
  datacontenttype: 'application/json';
  tenantid: string;
  /** The distributed-tracing extension: W3C traceparent of the change that wrote the event (with tracing on only). */
  traceparent?: string;
  data: T;
}

export interface NewEvent<T> {
  type: string;
  tenantId: string;
  subject: string;
  data: T;
}

/**
 * An event a service records in its outbox, named by its contract class: the type is the class's, and the
 * payload must be of that class (`NoInfer`: the class decides, the data is checked against it).
 */
export interface OutgoingEvent<T extends object = object> {
  contract: EventContract<T>;
  tenantId: string;
  subject: string;
  data: NoInfer<T>;
}

export function createCloudEvent<T>(service: string, event: NewEvent<T>, now: Date = new Date()): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: newId(now.getTime()),
    source: `/warden/${service}`,
    type: event.type,
    time: now.toISOString(),
    subject: event.subject,
    datacontenttype: 'application/json',
    tenantid: event.tenantId,
    data: event.data,
  };
}

export function isCloudEvent(value: unknown): value is CloudEvent {
  const candidate = value as CloudEvent;
  return (
    typeof value === 'object' &&
    value !== null &&
    candidate.specversion === '1.0' &&
    typeof candidate.id === 'string' &&
    typeof candidate.type === 'string' &&
    typeof candidate.tenantid === 'string'
  );
}
