import { generateAsyncApi } from './asyncapi.generator';
import { EVENT_CONTRACTS } from './events/event-registry';
import { EmployeeCreatedV1 } from './events/identity.events';

describe('generateAsyncApi', () => {
  const document = generateAsyncApi() as any;

  it('has a channel addressed by the event type for every registered contract', () => {
    const addresses = Object.values(document.channels).map((channel: any) => channel.address);
    expect(addresses).toEqual(EVENT_CONTRACTS.map((contract) => contract.type));
  });

  it('describes payload fields from the validation decorators, inherited ones included', () => {
    const payload = document.components.messages.EmployeeCreatedV1.payload;
    expect(payload.properties.email).toEqual({ type: 'string', format: 'email' });
    expect(payload.properties.kind.enum).toEqual(['employee', 'contact']);
    expect(payload.properties.groupIds).toMatchObject({ type: 'array', items: { type: 'string', format: 'uuid' } });
    expect(payload.required).toContain('personId');
    expect(payload.required).not.toContain('middleName');
    expect(EmployeeCreatedV1.type).toBe('identity.employee.created.v1');
  });
});
