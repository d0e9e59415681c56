import { generateAsyncApi } from './asyncapi.generator';
import { EVENT_CONTRACTS } from './events/event-registry';
import { EmployeeCreatedV1 } from './events/identity.events';

describe('generateAsyncApi', () => {
  const document = generateAsyncApi() as any;
  const dataOf = (message: string) => document.components.messages[message].payload.properties.data;

  it('has a channel addressed by the event type for every registered contract, sent by the product over NATS', () => {
    const addresses = Object.values(document.channels).map((channel: any) => channel.address);
    expect(addresses).toEqual(EVENT_CONTRACTS.map((contract) => contract.type));
    expect(document.servers.nats).toMatchObject({ protocol: 'nats' });
    expect(Object.values(document.operations).map((operation: any) => operation.action)).toEqual(EVENT_CONTRACTS.map(() => 'send'));
  });

  it('describes each message as the whole structured CloudEvent, data included', () => {
    const payload = document.components.messages.OrderStatusChangedV1.payload;
    expect(payload.required).toEqual(['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'tenantid', 'data']);
    expect(payload.properties.type).toEqual({ type: 'string', const: 'workflow.order.status-changed.v1', description: expect.any(String) });
    expect(payload.properties.source.const).toBe('/warden/workflow');
  });

  it('describes data fields from the validation decorators, inherited and nested ones included', () => {
    const data = dataOf('EmployeeCreatedV1');
    expect(data.properties.email).toEqual({ type: 'string', format: 'email' });
    expect(data.properties.kind.enum).toEqual(['employee', 'contact']);
    expect(data.properties.groupIds).toMatchObject({ type: 'array', items: { type: 'string', format: 'uuid' } });
    expect(data.required).toContain('personId');
    expect(data.required).not.toContain('middleName');
    expect(EmployeeCreatedV1.type).toBe('identity.employee.created.v1');
    expect(dataOf('OrderStatusChangedV1').properties.from).toMatchObject({
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { format: 'uuid' } },
    });
  });

  it('lets optional fields be null, puts enums of arrays on the items, and leaves no schema empty', () => {
    expect(dataOf('OrderCreatedV1').properties.responsibleId).toEqual({ type: ['string', 'null'], format: 'uuid' });
    expect(dataOf('TaskStatusChangedV1').properties.actorRoles).toMatchObject({
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', enum: expect.any(Array) },
    });
    const empty: string[] = [];
    const walk = (schema: any, at: string): void => {
      if (!schema || typeof schema !== 'object') return;
      if (at.endsWith('/properties') || at.endsWith('/items') || /\/properties\/[^/]+$/.test(at)) {
        if (!Array.isArray(schema) && Object.keys(schema).length === 0) empty.push(at);
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${at}/${key}`);
    };
    walk(document.components, '#/components');
    expect(empty).toEqual([]);
  });
});
