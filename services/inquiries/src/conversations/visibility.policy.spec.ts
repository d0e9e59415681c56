import { canSee, visibilityGround } from './visibility.policy';
import type { ViewerScope, VisibilityTarget } from './visibility.policy';

const A = 'a0000000-0000-7000-8000-00000000000a';
const B = 'b0000000-0000-7000-8000-00000000000b';

const viewer = (overrides: Partial<ViewerScope> = {}): ViewerScope => ({
  personId: 'me',
  kind: 'employee',
  contactId: null,
  admin: false,
  allBranches: false,
  branchIds: [],
  ...overrides,
});

const inquiry = (overrides: Partial<VisibilityTarget> = {}): VisibilityTarget => ({
  kind: 'inquiry',
  branchId: A,
  participants: [{ id: 'client', kind: 'contact' }],
  assigneeId: 'assignee',
  ...overrides,
});

describe('visibility policy', () => {
  it('participants see a conversation; others do not', () => {
    const internal: VisibilityTarget = { kind: 'internal', branchId: null, participants: [{ id: 'me', kind: 'employee' }], assigneeId: null };
    expect(visibilityGround(internal, viewer())).toBe('participant');
    expect(canSee(internal, viewer({ personId: 'other' }))).toBe(false);
  });

  it('chat administrators never see internal chats they are not in', () => {
    const internal: VisibilityTarget = { kind: 'internal', branchId: null, participants: [{ id: 'x', kind: 'employee' }], assigneeId: null };
    expect(canSee(internal, viewer({ admin: true, allBranches: true }))).toBe(false);
  });

  it('the assigned employee sees its inquiry', () => {
    expect(visibilityGround(inquiry(), viewer({ personId: 'assignee' }))).toBe('assignee');
  });

  it("a chat administrator sees inquiries of its branches only; all-branch access sees every branch", () => {
    expect(visibilityGround(inquiry(), viewer({ admin: true, branchIds: [A] }))).toBe('chat-admin');
    expect(canSee(inquiry({ branchId: B }), viewer({ admin: true, branchIds: [A] }))).toBe(false);
    expect(canSee(inquiry({ branchId: B }), viewer({ admin: true, allBranches: true }))).toBe(true);
    expect(canSee(inquiry({ branchId: null }), viewer({ admin: true, branchIds: [A] }))).toBe(true);
  });

  it('branch access without the chat administrator right shows nothing', () => {
    expect(canSee(inquiry(), viewer({ branchIds: [A], allBranches: true }))).toBe(false);
  });

  it('a client sees the conversations it takes part in, through its contact', () => {
    expect(canSee(inquiry(), viewer({ personId: 'portal-login', kind: 'contact', contactId: 'client' }))).toBe(true);
    expect(canSee(inquiry(), viewer({ personId: 'portal-login', kind: 'contact', contactId: 'another' }))).toBe(false);
    expect(canSee(inquiry(), viewer({ personId: 'assignee', kind: 'contact', contactId: null, admin: true, allBranches: true }))).toBe(false);
  });
});
