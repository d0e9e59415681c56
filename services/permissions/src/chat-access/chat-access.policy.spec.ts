import type { DecisionStep } from '@warden/contracts';
import { decideChatAction, inquiryListScope, visibilityGround } from './chat-access.policy';
import type { ChatQuestion, ChatTarget, ChatViewerScope } from './chat-access.policy';

const A = 'a0000000-0000-7000-8000-00000000000a';
const B = 'b0000000-0000-7000-8000-00000000000b';

const viewer = (overrides: Partial<ChatViewerScope> = {}): ChatViewerScope => ({
  personId: 'me',
  kind: 'employee',
  contactId: null,
  admin: false,
  allBranches: false,
  branchIds: [],
  ...overrides,
});

const inquiry = (overrides: Partial<ChatTarget> = {}): ChatTarget => ({
  kind: 'inquiry',
  branchId: A,
  participants: [{ id: 'client', kind: 'contact' }],
  assigneeId: 'assignee',
  ...overrides,
});

const internal = (overrides: Partial<ChatTarget> = {}): ChatTarget => ({
  kind: 'internal',
  branchId: null,
  participants: [{ id: 'me', kind: 'employee' }],
  assigneeId: null,
  ...overrides,
});

function decide(question: Partial<ChatQuestion> & Pick<ChatQuestion, 'action' | 'viewer'>, steps: DecisionStep[] = []) {
  return decideChatAction({ what: 'inquiry', target: inquiry(), ...question }, steps);
}

describe('chat access policy', () => {
  describe('who sees a conversation', () => {
    it('participants see a conversation; others do not', () => {
      expect(visibilityGround(internal(), viewer())).toBe('participant');
      expect(visibilityGround(internal(), viewer({ personId: 'other' }))).toBeNull();
    });

    it('chat administrators never see internal chats they are not in', () => {
      expect(
        visibilityGround(internal({ participants: [{ id: 'x', kind: 'employee' }] }), viewer({ admin: true, allBranches: true })),
      ).toBeNull();
    });

    it('the assigned employee sees its inquiry', () => {
      expect(visibilityGround(inquiry(), viewer({ personId: 'assignee' }))).toBe('assignee');
    });

    it('a chat administrator sees inquiries of its branches only; all-branch access sees every branch', () => {
      expect(visibilityGround(inquiry(), viewer({ admin: true, branchIds: [A] }))).toBe('chat-admin');
      expect(visibilityGround(inquiry({ branchId: B }), viewer({ admin: true, branchIds: [A] }))).toBeNull();
      expect(visibilityGround(inquiry({ branchId: B }), viewer({ admin: true, allBranches: true }))).toBe('chat-admin');
      expect(visibilityGround(inquiry({ branchId: null }), viewer({ admin: true, branchIds: [A] }))).toBe('chat-admin');
    });

    it('branch access without the chat administrator right shows nothing', () => {
      expect(visibilityGround(inquiry(), viewer({ branchIds: [A], allBranches: true }))).toBeNull();
    });

    it('a client sees the conversations it takes part in, through its contact', () => {
      expect(visibilityGround(inquiry(), viewer({ personId: 'portal-login', kind: 'contact', contactId: 'client' }))).toBe('participant');
      expect(visibilityGround(inquiry(), viewer({ personId: 'portal-login', kind: 'contact', contactId: 'another' }))).toBeNull();
      expect(
        visibilityGround(inquiry(), viewer({ personId: 'assignee', kind: 'contact', contactId: null, admin: true, allBranches: true })),
      ).toBeNull();
    });
  });

  describe('seeing and posting', () => {
    it('allows with the ground as the code', () => {
      expect(decide({ action: 'see', viewer: viewer({ personId: 'assignee' }) })).toMatchObject({
        allowed: true,
        code: 'ALLOWED.INQUIRY_ASSIGNEE',
      });
      expect(decide({ action: 'post', viewer: viewer({ admin: true, branchIds: [A] }) })).toMatchObject({
        allowed: true,
        code: 'ALLOWED.CHAT_ADMIN',
      });
      expect(decideChatAction({ what: 'conversation', action: 'see', target: internal(), viewer: viewer() }, [])).toMatchObject({
        allowed: true,
        code: 'ALLOWED.CHAT_PARTICIPANT',
      });
    });

    it('refuses as not visible, saying which branch the chat administrator lacks', () => {
      const steps: DecisionStep[] = [];
      const verdict = decide({ action: 'see', target: inquiry({ branchId: B }), viewer: viewer({ admin: true, branchIds: [A] }) }, steps);
      expect(verdict).toMatchObject({ allowed: false, code: 'INQUIRY.NOT_VISIBLE' });
      expect(steps).toEqual([
        {
          rule: 'inquiry.visible',
          effect: 'deny',
          detail: expect.stringContaining(`its branch ${B} is not one of them (the person's branches: ${A})`),
        },
      ]);
    });

    it('an internal chat one is not in is not visible as a conversation', () => {
      const steps: DecisionStep[] = [];
      expect(
        decideChatAction(
          { what: 'conversation', action: 'post', target: internal(), viewer: viewer({ personId: 'x', admin: true }) },
          steps,
        ),
      ).toMatchObject({
        allowed: false,
        code: 'CONVERSATION.NOT_VISIBLE',
      });
      expect(steps[0]!.detail).toContain('internal chat is seen by its participants only');
    });
  });

  describe('closing and reassigning', () => {
    it('the assignee and a chat administrator of the branch may close', () => {
      expect(decide({ action: 'close', viewer: viewer({ personId: 'assignee' }) })).toMatchObject({
        allowed: true,
        code: 'ALLOWED.INQUIRY_ASSIGNEE',
      });
      expect(decide({ action: 'close', viewer: viewer({ admin: true, branchIds: [A] }) })).toMatchObject({
        allowed: true,
        code: 'ALLOWED.CHAT_ADMIN',
      });
    });

    it('a chat administrator of another branch may not close: the inquiry is not visible to it', () => {
      const steps: DecisionStep[] = [];
      expect(
        decide({ action: 'close', target: inquiry({ branchId: B }), viewer: viewer({ admin: true, branchIds: [A] }) }, steps),
      ).toMatchObject({
        allowed: false,
        code: 'INQUIRY.NOT_VISIBLE',
      });
      expect(steps.map((step) => `${step.rule}:${step.effect}`)).toEqual(['inquiry.visible:deny']);
    });

    it('the client sees its inquiry but may neither close nor reassign it', () => {
      const client = viewer({ personId: 'login', kind: 'contact', contactId: 'client' });
      expect(decide({ action: 'close', viewer: client })).toMatchObject({ allowed: false, code: 'INQUIRY.CLOSE_FORBIDDEN' });
      expect(decide({ action: 'reassign', viewer: client })).toMatchObject({ allowed: false, code: 'INQUIRY.REASSIGN_FORBIDDEN' });
      expect(decide({ action: 'assign-branch', viewer: client })).toMatchObject({ allowed: false, code: 'INQUIRY.REASSIGN_FORBIDDEN' });
    });
  });

  describe('reassigning to another branch', () => {
    const admin = viewer({ admin: true, branchIds: [A] });
    const boris = { name: 'Boris', allBranches: false, branchIds: [B] };

    it('an assignee sharing a branch, working everywhere or nowhere in particular is fine', () => {
      expect(decide({ action: 'assign-branch', viewer: admin, assignee: { ...boris, branchIds: [B, A] } })).toMatchObject({
        allowed: true,
        code: 'ALLOWED.SAME_BRANCH',
      });
      expect(decide({ action: 'assign-branch', viewer: admin, assignee: { ...boris, allBranches: true } })).toMatchObject({
        allowed: true,
      });
      expect(decide({ action: 'assign-branch', viewer: admin, assignee: { ...boris, branchIds: [] } })).toMatchObject({ allowed: true });
      expect(decide({ action: 'assign-branch', viewer: { ...admin, allBranches: true }, assignee: boris })).toMatchObject({
        allowed: true,
      });
    });

    it('one working only in other branches needs inquiries.assign-other-branches', () => {
      const refused = decide({ action: 'assign-branch', viewer: admin, assignee: boris });
      expect(refused).toMatchObject({ allowed: false, code: 'INQUIRY.OTHER_BRANCH_FORBIDDEN' });
      expect(refused.reason).toBe(
        "Boris works only in branches you cannot access; reassigning there needs the right 'inquiries.assign-other-branches'",
      );
      expect(decide({ action: 'assign-branch', viewer: admin, assignee: boris, assignOtherBranches: true })).toMatchObject({
        allowed: true,
        code: 'ALLOWED.OTHER_BRANCHES',
      });
    });

    it('an assignee who is no employee here is refused as unknown', () => {
      expect(decide({ action: 'assign-branch', viewer: admin, assignee: null })).toMatchObject({
        allowed: false,
        code: 'INQUIRY.ASSIGNEE_UNKNOWN',
      });
    });
  });

  describe('the list filter', () => {
    it('a client lists its own inquiries through its contact, never by branch', () => {
      expect(inquiryListScope(viewer({ kind: 'contact', contactId: 'client', admin: true, allBranches: true }))).toEqual({
        assigneeId: null,
        contactId: 'client',
        adminBranches: null,
      });
    });

    it('an employee lists its assigned inquiries; a chat administrator also those of its branches, or of all', () => {
      expect(inquiryListScope(viewer({ branchIds: [A] }))).toEqual({ assigneeId: 'me', contactId: null, adminBranches: null });
      expect(inquiryListScope(viewer({ admin: true, branchIds: [A] }))).toEqual({
        assigneeId: 'me',
        contactId: null,
        adminBranches: { all: false, branchIds: [A] },
      });
      expect(inquiryListScope(viewer({ admin: true, allBranches: true, branchIds: [A] }))).toMatchObject({
        adminBranches: { all: true, branchIds: [] },
      });
    });
  });
});
