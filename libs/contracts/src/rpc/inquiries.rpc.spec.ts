import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldProblems } from '@warden/kernel';
import {
  ChatSettingsChanges,
  ListInquiriesRequest,
  PostMessageRequest,
  ReceiveInquiryRequest,
  StartConversationRequest,
} from './inquiries.rpc';

// As the boundary checks a message (libs/service-kit/src/rpc-validation.interceptor.ts): unknown fields refused.
async function check<T extends object>(contract: new () => T, data: object): Promise<{ value: T; fields: string[] }> {
  const value = plainToInstance(contract, data);
  const errors = await validate(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  return { value, fields: fieldProblems(errors).map((problem) => problem.field) };
}

const viewer = { personId: '0192f0c4-0000-7000-8000-000000000001', kind: 'employee' };
const conversationId = '0192f0c4-0000-7000-8000-000000000002';

describe('requests of the inquiries service', () => {
  it('trims a message text once, at the boundary', async () => {
    const { value, fields } = await check(PostMessageRequest, { viewer, conversationId, text: '  Hello  ' });
    expect(fields).toEqual([]);
    expect(value.text).toBe('Hello');
  });

  it('refuses a blank or too long message text, and a viewer that is not a person', async () => {
    expect((await check(PostMessageRequest, { viewer, conversationId, text: '   ' })).fields).toEqual(['text']);
    expect((await check(ReceiveInquiryRequest, { viewer, text: 'x'.repeat(4001) })).fields).toEqual(['text']);
    expect(
      (await check(PostMessageRequest, { viewer: { personId: 'me', kind: 'robot', extra: 1 }, conversationId, text: 'Hi' })).fields.sort(),
    ).toEqual(['viewer.extra', 'viewer.kind', 'viewer.personId']);
    expect((await check(PostMessageRequest, { conversationId, text: 'Hi' })).fields).toEqual(['viewer']);
  });

  it('takes a blank chat title as none', async () => {
    const start = { viewer, kind: 'internal', employeeIds: [], contactIds: [] };
    expect((await check(StartConversationRequest, { ...start, title: '  ' })).value.title).toBeNull();
    expect((await check(StartConversationRequest, { ...start, title: ' Team ' })).value.title).toBe('Team');
    expect((await check(StartConversationRequest, { ...start, kind: 'inquiry', employeeIds: ['x'] })).fields).toEqual([
      'kind',
      'employeeIds',
    ]);
  });

  it("checks a list's scope: each part null or well-formed, none left out", async () => {
    const scope = { assigneeId: null, contactId: null, adminBranches: { all: false, branchIds: [conversationId] } };
    expect((await check(ListInquiriesRequest, { scope, limit: 20 })).fields).toEqual([]);
    expect((await check(ListInquiriesRequest, { scope: { ...scope, adminBranches: null }, limit: 20 })).fields).toEqual([]);
    const { fields } = await check(ListInquiriesRequest, {
      scope: { contactId: null, adminBranches: { all: 'yes', branchIds: ['b'] } },
      limit: 101,
    });
    expect(fields.sort()).toEqual(['limit', 'scope.adminBranches.all', 'scope.adminBranches.branchIds', 'scope.assigneeId']);
  });

  it('changes any chat switch alone; sticky release is a positive whole number of minutes or null', async () => {
    expect((await check(ChatSettingsChanges, {})).fields).toEqual([]);
    expect((await check(ChatSettingsChanges, { stickyReleaseMinutes: null })).fields).toEqual([]);
    expect((await check(ChatSettingsChanges, { stickyReleaseMinutes: 15, inquiries: true })).fields).toEqual([]);
    expect((await check(ChatSettingsChanges, { stickyReleaseMinutes: 0 })).fields).toEqual(['stickyReleaseMinutes']);
    expect((await check(ChatSettingsChanges, { stickyReleaseMinutes: 1.5, inquiries: 'on' })).fields.sort()).toEqual([
      'inquiries',
      'stickyReleaseMinutes',
    ]);
  });
});
