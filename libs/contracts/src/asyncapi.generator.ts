import { getMetadataStorage } from 'class-validator';
import { EVENT_CONTRACTS } from './events/event-registry';
import type { EventContract } from './events/event-registry';

type JsonSchema = Record<string, unknown>;

const TYPE_BY_CONSTRAINT: Record<string, JsonSchema> = {
  isUuid: { type: 'string', format: 'uuid' },
  isEmail: { type: 'string', format: 'email' },
  isIso8601: { type: 'string', format: 'date-time' },
  isString: { type: 'string' },
  isInt: { type: 'integer' },
  isNumber: { type: 'number' },
  isBoolean: { type: 'boolean' },
  isArray: { type: 'array' },
};

/** The payload schema of one contract, read from its class-validator decorators (the single source). */
function payloadSchema(contract: EventContract): JsonSchema {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(contract, '', true, false);
  const properties: Record<string, JsonSchema> = {};
  const optional = new Set<string>();
  for (const rule of metadata) {
    const schema = (properties[rule.propertyName] ??= {});
    if (rule.type === 'conditionalValidation') optional.add(rule.propertyName);
    const name = (rule.name ?? rule.type ?? '').toLowerCase();
    const known = Object.entries(TYPE_BY_CONSTRAINT).find(([constraint]) => constraint.toLowerCase() === name)?.[1];
    if (known && rule.each) Object.assign(schema, { type: 'array', items: known });
    else if (known) Object.assign(schema, known);
    if (name === 'isin') schema.enum = rule.constraints?.[0] as unknown[];
  }
  const required = Object.keys(properties).filter((property) => !optional.has(property));
  return { type: 'object', properties, required };
}

/**
 * AsyncAPI 3 document of every event the product publishes, generated from EVENT_CONTRACTS, so it
 * cannot disagree with what the services validate. Each message is the `data` of a CloudEvent whose
 * `type` equals the channel address.
 */
export function generateAsyncApi(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const contract of EVENT_CONTRACTS) {
    const id = contract.name;
    messages[id] = {
      name: contract.type,
      contentType: 'application/cloudevents+json',
      summary: `CloudEvents 1.0 envelope (specversion, id, source, type, time, subject, tenantid) whose data is ${id}`,
      payload: payloadSchema(contract),
    };
    channels[id] = { address: contract.type, messages: { [id]: { $ref: `#/components/messages/${id}` } } };
    operations[`receive${id}`] = { action: 'receive', channel: { $ref: `#/channels/${id}` } };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Warden events',
      version: '1',
      description:
        'Domain events on the JetStream stream WARDEN_EVENTS; the NATS subject equals the event type. The same CloudEvents ' +
        'reach webhook endpoints (POST /api/v1/webhooks) as the body of a Standard Webhooks request, webhook-id = event id.',
    },
    defaultContentType: 'application/cloudevents+json',
    channels,
    operations,
    components: { messages },
  };
}
