import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldProblems } from '@warden/kernel';
import {
  UpdateNotificationSettingsRequest,
  UpdateNotificationTemplateRequest,
  UpdateWebhookRequest,
  WebhookEndpointInput,
} from './integrations.rpc';

// As the boundary checks a message (libs/service-kit/src/rpc-validation.interceptor.ts): unknown fields refused.
async function check<T extends object>(contract: new () => T, data: object): Promise<{ value: T; fields: string[] }> {
  const value = plainToInstance(contract, data);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  return { value, fields: fieldProblems(errors).map((problem) => problem.field) };
}

const endpointId = '0192f0c4-0000-7000-8000-000000000001';

describe('requests of the integrations service', () => {
  it("trims a webhook's address and description; a blank description is none", async () => {
    const { value, fields } = await check(WebhookEndpointInput, {
      url: ' https://hooks.example.com/x ',
      eventTypes: ['*'],
      description: '   ',
    });
    expect(fields).toEqual([]);
    expect(value).toMatchObject({ url: 'https://hooks.example.com/x', description: null });
    expect(
      (await check(WebhookEndpointInput, { url: 'https://a.example', eventTypes: ['*'], description: ' CRM ' })).value.description,
    ).toBe('CRM');
  });

  it('refuses a webhook without event types, or with ones that are not text', async () => {
    expect((await check(WebhookEndpointInput, { url: 'https://a.example', eventTypes: [] })).fields).toEqual(['eventTypes']);
    expect((await check(WebhookEndpointInput, { url: 'https://a.example', eventTypes: [7] })).fields).toEqual(['eventTypes', 'eventTypes']);
    expect(new Set((await check(WebhookEndpointInput, { eventTypes: 'workflow.*' })).fields)).toEqual(new Set(['eventTypes', 'url']));
  });

  it('changes any field of a webhook alone, leaving the others out; the changes are checked as the fields are', async () => {
    const { value, fields } = await check(UpdateWebhookRequest, { endpointId, changes: { active: false } });
    expect(fields).toEqual([]);
    expect(value.changes).toEqual({ active: false });
    expect('description' in value.changes).toBe(false);
    const bad = await check(UpdateWebhookRequest, { endpointId: 'x', changes: { eventTypes: [], secret: 'mine' } });
    expect(bad.fields.sort()).toEqual(['changes.eventTypes', 'changes.secret', 'endpointId']);
    // A nested class alone lets a missing object through: the changes must be there.
    expect((await check(UpdateWebhookRequest, { endpointId })).fields).toEqual(['changes']);
  });

  it('changes notification settings one kind at a time, booleans only', async () => {
    const personId = endpointId;
    expect((await check(UpdateNotificationSettingsRequest, { personId, changes: { inquiryAssigned: false } })).fields).toEqual([]);
    expect((await check(UpdateNotificationSettingsRequest, { personId, changes: { orderTransferred: 'no' } })).fields).toEqual([
      'changes.orderTransferred',
    ]);
  });

  it('takes templates of known kinds and languages only', async () => {
    const template = { kind: 'order-created', language: 'ru', subject: 'S', text: 'T', html: '<p>H</p>' };
    expect((await check(UpdateNotificationTemplateRequest, template)).fields).toEqual([]);
    expect(
      (await check(UpdateNotificationTemplateRequest, { ...template, kind: 'order-exploded', language: 'de', subject: '' })).fields,
    ).toEqual(['kind', 'language', 'subject']);
  });
});
