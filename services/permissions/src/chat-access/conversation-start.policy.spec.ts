import type { DecisionStep } from '@warden/contracts';
import { decideStart } from './conversation-start.policy';
import type { StartQuestion } from './conversation-start.policy';

const CLASS_5B = 'c0000000-0000-7000-8000-0000000005b0';
const CLASS_7A = 'c0000000-0000-7000-8000-0000000007a0';
const ON = { internalChats: true, clientEmployeeChats: true, clientGroupChats: true, inquiries: true } as const;
const HELD = { held: true, code: 'ALLOWED.GROUP', reason: "The right 'chats.internal' is granted by group 'Employee'" };

const employee = (overrides: Partial<StartQuestion> = {}): StartQuestion => ({
  kind: 'internal',
  starter: { kind: 'employee', contactId: null, companyId: null },
  chatsRight: HELD,
  kinds: ON,
  employeeIds: ['colleague'],
  contacts: [],
  ...overrides,
});

const student = (overrides: Partial<StartQuestion> = {}): StartQuestion => ({
  kind: 'client_group',
  starter: { kind: 'contact', contactId: 'anna', companyId: CLASS_5B },
  chatsRight: { held: false, code: 'RIGHT.NOT_GRANTED', reason: 'not granted' },
  kinds: ON,
  employeeIds: [],
  contacts: [{ id: 'boris', companyId: CLASS_5B }],
  ...overrides,
});

describe('who may start a chat', () => {
  describe('an employee', () => {
    it('holding chats.internal starts an internal chat, and client chats whose kind is on', () => {
      expect(decideStart(employee(), [])).toMatchObject({ allowed: true, code: 'ALLOWED.CHAT_START' });
      expect(decideStart(employee({ kind: 'client_group', contacts: [{ id: 'x', companyId: CLASS_7A }] }), [])).toMatchObject({
        allowed: true,
      });
    });

    it('without chats.internal (taken from its group, or denied personally) starts nothing, with the right’s own code and reason', () => {
      const steps: DecisionStep[] = [];
      const refused = decideStart(
        employee({
          chatsRight: {
            held: false,
            code: 'RIGHT.DENIED_PERSONALLY',
            reason: "The right 'chats.internal' is denied to this person personally",
          },
        }),
        steps,
      );
      expect(refused).toEqual({
        allowed: false,
        code: 'RIGHT.DENIED_PERSONALLY',
        reason: "The right 'chats.internal' is denied to this person personally",
      });
      expect(steps).toEqual([expect.objectContaining({ rule: 'conversation.start-right', effect: 'deny' })]);
    });

    it('a switched-off client kind is refused; internal chats have no switch', () => {
      const off = { ...ON, clientEmployeeChats: false, clientGroupChats: false };
      expect(decideStart(employee({ kind: 'client_employee', kinds: off }), [])).toMatchObject({
        allowed: false,
        code: 'CONVERSATION.KIND_DISABLED',
      });
      expect(decideStart(employee({ kind: 'internal', kinds: off }), [])).toMatchObject({ allowed: true });
    });

    it('an unknown kind is refused', () => {
      expect(decideStart(employee({ kind: 'inquiry' }), [])).toMatchObject({ allowed: false, code: 'CONVERSATION.KIND_UNKNOWN' });
    });
  });

  describe('a client (a student)', () => {
    it('starts a group chat with classmates, naming itself too or not', () => {
      expect(decideStart(student(), [])).toMatchObject({ allowed: true, code: 'ALLOWED.CLASSMATES' });
      expect(
        decideStart(
          student({
            contacts: [
              { id: 'anna', companyId: CLASS_5B },
              { id: 'boris', companyId: CLASS_5B },
            ],
          }),
          [],
        ),
      ).toMatchObject({ allowed: true });
    });

    it('only while client group chats are switched on', () => {
      expect(decideStart(student({ kinds: { ...ON, clientGroupChats: false } }), [])).toMatchObject({
        allowed: false,
        code: 'CONVERSATION.KIND_DISABLED',
      });
    });

    it('starts no internal or client ↔ employee chat, even holding chats.internal', () => {
      for (const kind of ['internal', 'client_employee']) {
        expect(decideStart(student({ kind, chatsRight: HELD }), [])).toMatchObject({
          allowed: false,
          code: 'CONVERSATION.START_FORBIDDEN',
        });
      }
    });

    it('never with a contact of another company, an unknown one, or an employee', () => {
      const other = decideStart(
        student({
          contacts: [
            { id: 'boris', companyId: CLASS_5B },
            { id: 'vera', companyId: CLASS_7A },
          ],
        }),
        [],
      );
      expect(other).toMatchObject({ allowed: false, code: 'CONVERSATION.NOT_CLASSMATE' });
      expect(other.reason).toContain('vera');
      expect(other.reason).not.toContain('boris');
      expect(decideStart(student({ contacts: [{ id: 'ghost', companyId: null }] }), [])).toMatchObject({
        code: 'CONVERSATION.NOT_CLASSMATE',
      });
      expect(decideStart(student({ employeeIds: ['teacher'] }), [])).toMatchObject({ allowed: false, code: 'CONVERSATION.NOT_CLASSMATE' });
    });

    it('of no company has no classmates; a login linked to no contact starts nothing', () => {
      expect(decideStart(student({ starter: { kind: 'contact', contactId: 'loner', companyId: null } }), [])).toMatchObject({
        code: 'CONVERSATION.NOT_CLASSMATE',
      });
      expect(decideStart(student({ starter: { kind: 'contact', contactId: null, companyId: null } }), [])).toMatchObject({
        code: 'CONVERSATION.START_FORBIDDEN',
      });
    });
  });
});
