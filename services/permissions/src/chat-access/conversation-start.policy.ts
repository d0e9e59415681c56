import type { ChatKindsView, DecisionStep, PersonKind } from '@warden/contracts';
import type { ChatVerdict } from './chat-access.policy';

/**
 * Who may start which chat, in one place (pure), as a school runs its chats (docs/rules.md, Chats and inquiries):
 *
 * - Internal chats need no setting: an employee holding `chats.internal` starts chats of any kind.
 *   Every employee holds it through the Employee group it starts in (libs/contracts/src/rights.ts,
 *   DEFAULT_GROUPS), so nothing is set up; an administrator takes it away from a group by removing it
 *   from the group's rights, or from one person by a personal deny.
 * - Client chats (with an employee, or in a group) can be started only while the tenant has their kind
 *   switched on.
 * - A client (a student) starts only group chats with its classmates: a class is a company of the
 *   directory, so its classmates are the other contacts of its own company (the company a client sees its
 *   tickets and equipment by). It names no employee and nobody of another company, and a client of no
 *   company has no classmates. e2e/chats-education.e2e-spec.ts tells the story.
 */
export const STARTABLE_KINDS = ['internal', 'client_employee', 'client_group'] as const;
export type StartableKind = (typeof STARTABLE_KINDS)[number];

export interface StartQuestion {
  /** The kind asked for, as given (explain may name anything). */
  kind: unknown;
  starter: {
    kind: PersonKind;
    /** A client's directory contact (null when the login is linked to none). */
    contactId: string | null;
    /** The company of a client's contact (null when none). */
    companyId: string | null;
  };
  /** `chats.internal`, decided as every right is, for employees. */
  chatsRight: { held: boolean; code: string; reason: string };
  kinds: ChatKindsView;
  employeeIds: readonly string[];
  /** The contacts named, each with its company as far as known (null: none or unknown). */
  contacts: ReadonlyArray<{ id: string; companyId: string | null }>;
}

const SWITCHES: Record<StartableKind, { on: (kinds: ChatKindsView) => boolean; name: string }> = {
  internal: { on: () => true, name: 'Internal' },
  client_employee: { on: (kinds) => kinds.clientEmployeeChats, name: 'Client ↔ employee' },
  client_group: { on: (kinds) => kinds.clientGroupChats, name: 'Client group' },
};

function refuse(steps: DecisionStep[], rule: string, code: string, reason: string, detail = reason): ChatVerdict {
  steps.push({ rule, effect: 'deny', detail });
  return { allowed: false, code, reason };
}

function isStartable(kind: unknown): kind is StartableKind {
  return typeof kind === 'string' && (STARTABLE_KINDS as readonly string[]).includes(kind);
}

export function decideStart(question: StartQuestion, steps: DecisionStep[]): ChatVerdict {
  const { kind, starter } = question;
  if (!isStartable(kind)) {
    return refuse(
      steps,
      'conversation.kind',
      'CONVERSATION.KIND_UNKNOWN',
      `'${String(kind)}' is not a kind of chat one starts (${STARTABLE_KINDS.join(', ')})`,
    );
  }
  if (starter.kind === 'employee') {
    if (!question.chatsRight.held) return refuse(steps, 'conversation.start-right', question.chatsRight.code, question.chatsRight.reason);
    steps.push({ rule: 'conversation.start-right', effect: 'allow', detail: question.chatsRight.reason });
  } else if (kind !== 'client_group') {
    return refuse(
      steps,
      'conversation.start-client',
      'CONVERSATION.START_FORBIDDEN',
      'A client starts only group chats with its classmates',
    );
  }
  const switched = SWITCHES[kind];
  if (!switched.on(question.kinds)) {
    return refuse(
      steps,
      'conversation.kind-switch',
      'CONVERSATION.KIND_DISABLED',
      `${switched.name} conversations are switched off for this organisation`,
    );
  }
  steps.push({ rule: 'conversation.kind-switch', effect: 'allow', detail: `${switched.name} conversations are switched on` });
  if (starter.kind === 'employee') return { allowed: true, code: 'ALLOWED.CHAT_START', reason: 'May start this chat' };

  if (!starter.contactId)
    return refuse(
      steps,
      'conversation.classmates',
      'CONVERSATION.START_FORBIDDEN',
      'This login is linked to no contact of the organisation',
    );
  const notClassmate = "A client's group chat is with its classmates only: contacts of its own company";
  if (question.employeeIds.length > 0) {
    return refuse(
      steps,
      'conversation.classmates',
      'CONVERSATION.NOT_CLASSMATE',
      `${notClassmate}; no employee (${question.employeeIds.join(', ')})`,
    );
  }
  if (!starter.companyId)
    return refuse(steps, 'conversation.classmates', 'CONVERSATION.NOT_CLASSMATE', `${notClassmate}, and this client belongs to no company`);
  const strangers = question.contacts
    .filter((contact) => contact.id !== starter.contactId && contact.companyId !== starter.companyId)
    .map((contact) => contact.id);
  if (strangers.length > 0) {
    return refuse(
      steps,
      'conversation.classmates',
      'CONVERSATION.NOT_CLASSMATE',
      `${notClassmate}; not of company ${starter.companyId}: ${strangers.join(', ')}`,
    );
  }
  steps.push({
    rule: 'conversation.classmates',
    effect: 'allow',
    detail: `Every contact named is of the client's company ${starter.companyId}`,
  });
  return { allowed: true, code: 'ALLOWED.CLASSMATES', reason: 'May start a group chat with these classmates' };
}
