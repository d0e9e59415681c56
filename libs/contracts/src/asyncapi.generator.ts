import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { EVENT_CONTRACTS } from './events/event-registry';
import type { EventContract } from './events/event-registry';

type JsonSchema = Record<string, unknown>;
type ContractClass = abstract new (...args: never[]) => unknown;

/** The JSON Schema of a value each class-validator constraint accepts. */
const TYPE_BY_CONSTRAINT: Record<string, (rule: ValidationMetadata) => JsonSchema> = {
  isuuid: () => ({ type: 'string', format: 'uuid' }),
  isemail: () => ({ type: 'string', format: 'email' }),
  isurl: () => ({ type: 'string', format: 'uri' }),
  isiso8601: () => ({ type: 'string', format: 'date-time' }),
  isstring: () => ({ type: 'string' }),
  isint: () => ({ type: 'integer' }),
  isnumber: () => ({ type: 'number' }),
  isboolean: () => ({ type: 'boolean' }),
  isobject: () => ({ type: 'object', additionalProperties: { type: 'string' } }),
  // Any JSON values by field name (an audit entry's before / after, libs/contracts/src/events/audit.events.ts).
  isjsonobject: () => ({ type: 'object' }),
  isin: (rule) => ({ enum: rule.constraints?.[0] as unknown[] }),
  matches: (rule) => ({ type: 'string', pattern: (rule.constraints?.[0] as RegExp).source }),
  min: (rule) => ({ minimum: rule.constraints?.[0] }),
  max: (rule) => ({ maximum: rule.constraints?.[0] }),
  maxlength: (rule) => ({ maxLength: rule.constraints?.[0] }),
  minlength: (rule) => ({ minLength: rule.constraints?.[0] }),
};

/** Constraints on the array itself rather than on its items. */
const ARRAY_CONSTRAINTS: Record<string, JsonSchema> = {
  isarray: { type: 'array' },
  arrayunique: { type: 'array', uniqueItems: true },
  arraynotempty: { type: 'array', minItems: 1 },
};

/** An enum of strings (`@IsIn`) is a string. */
function withEnumType(schema: JsonSchema): JsonSchema {
  const values = schema.enum as unknown[] | undefined;
  return values && !schema.type && values.every((value) => typeof value === 'string') ? { type: 'string', ...schema } : schema;
}

/** `null` added to what a schema allows (JSON Schema draft 7, the AsyncAPI 3 default schema format). */
function orNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') {
    const widened: JsonSchema = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) widened.enum = [...schema.enum, null];
    return widened;
  }
  return { oneOf: [schema, { type: 'null' }] };
}

/**
 * The schema of one contract class, read from its class-validator decorators (and class-transformer's
 * `@Type` for nested classes): the single source the services validate with. `@IsOptional()` accepts
 * null and absence, so such a property is nullable and not required; `each` constraints apply to items.
 */
function classSchema(contract: ContractClass): JsonSchema {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(contract as unknown as new () => unknown, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of metadata) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, rules] of byProperty) {
    let schema: JsonSchema = {};
    const items: JsonSchema = {};
    let nullable = false;
    let optional = false;
    for (const rule of rules) {
      const name = (rule.name ?? rule.type ?? '').toLowerCase();
      if (rule.type === 'conditionalValidation') {
        // IsOptional: null or absent; ValidateIf(value !== null): null.
        nullable = true;
        optional ||= name === 'isoptional';
      } else if (rule.type === 'nestedValidation') {
        const nested = defaultMetadataStorage.findTypeMetadata(contract, property)?.typeFunction() as ContractClass | undefined;
        if (!nested) throw new Error(`${contract.name}.${property}: @ValidateNested needs @Type(() => Class)`);
        Object.assign(rule.each ? items : schema, classSchema(nested));
      } else if (ARRAY_CONSTRAINTS[name]) {
        Object.assign(schema, ARRAY_CONSTRAINTS[name]);
      } else if (TYPE_BY_CONSTRAINT[name]) {
        Object.assign(rule.each ? items : schema, TYPE_BY_CONSTRAINT[name](rule));
      } else {
        throw new Error(`${contract.name}.${property}: no JSON Schema for the constraint '${name}'`);
      }
    }
    if (Object.keys(items).length > 0) schema = { ...schema, type: 'array', items: withEnumType(items) };
    schema = withEnumType(schema);
    if (!schema.type) throw new Error(`${contract.name}.${property}: its decorators name no type`);
    properties[property] = nullable ? orNull(schema) : schema;
    if (!optional) required.push(property);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The structured-mode CloudEvent (application/cloudevents+json) that carries one contract as `data`. */
function envelopeSchema(contract: EventContract): JsonSchema {
  const service = contract.type.split('.')[0];
  return {
    type: 'object',
    required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'tenantid', 'data'],
    additionalProperties: false,
    properties: {
      specversion: { type: 'string', const: '1.0' },
      id: {
        type: 'string',
        format: 'uuid',
        description: 'Unique per event; also the Nats-Msg-Id header (broker de-duplication) — skip ids you have handled',
      },
      source: { type: 'string', const: `/warden/${service}`, description: 'The producing service' },
      type: { type: 'string', const: contract.type, description: 'The event type, also the NATS subject' },
      time: { type: 'string', format: 'date-time' },
      subject: { type: 'string', description: 'The id of the entity the event is about' },
      datacontenttype: { type: 'string', const: 'application/json' },
      tenantid: { type: 'string', format: 'uuid', description: 'The tenant the event belongs to (CloudEvents extension)' },
      traceparent: {
        type: 'string',
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description:
          'W3C trace context of the change that produced the event, when tracing is on (CloudEvents distributed tracing extension)',
      },
      data: classSchema(contract),
    },
  };
}

/** The schema of the whole message of one event type (the envelope with its data), for validating events read from the stream. */
export function cloudEventSchema(contract: EventContract): JsonSchema {
  return envelopeSchema(contract);
}

/**
 * AsyncAPI 3 document of every event the product publishes, generated from EVENT_CONTRACTS, so it
 * cannot disagree with what the services validate. Each message is a structured CloudEvent (the
 * whole JSON message as it is on the wire) whose `type` equals the channel address.
 */
export function generateAsyncApi(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const contract of EVENT_CONTRACTS) {
    const id = contract.name;
    messages[id] = {
      name: contract.type,
      title: contract.type,
      contentType: 'application/cloudevents+json',
      summary: `A CloudEvents 1.0 message in structured mode whose data is ${id}`,
      payload: envelopeSchema(contract),
    };
    channels[id] = {
      address: contract.type,
      servers: [{ $ref: '#/servers/nats' }],
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`send${id}`] = {
      action: 'send',
      summary: `Warden publishes ${contract.type} after the change is committed (outbox), at least once`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Warden events',
      version: '1',
      description:
        'Domain events on the JetStream stream WARDEN_EVENTS; the NATS subject equals the event type (both prefixed with ' +
        'NATS_SUBJECT_PREFIX when one is set). Messages are at least once: de-duplicate by `id`. Read them with a durable ' +
        'JetStream consumer filtered on the types you need, acknowledging each message once handled. The same CloudEvents ' +
        'reach webhook endpoints (POST /api/v1/webhooks) as the body of a Standard Webhooks request, webhook-id = event id.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: 'NATS with JetStream (NATS_URL of the deployment; npm start: nats://127.0.0.1:4222)',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
