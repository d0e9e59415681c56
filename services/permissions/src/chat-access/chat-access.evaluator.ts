import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { ChatAccessFacts, DecisionStep, InquiryScope, Right } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import type { LoadedFacts } from '../check/check.repository';
import { evaluateRight } from '../check/decision.policy';
import type { ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { systemContext } from '../check/system.context';
import { decideChatAction, inquiryListScope } from './chat-access.policy';
import type { ChatAction, ChatViewerScope } from './chat-access.policy';

const ACTIONS: Record<'conversation' | 'inquiry', readonly ChatAction[]> = {
  conversation: ['see', 'post'],
  inquiry: ['see', 'post', 'reassign', 'close', 'assign-branch'],
};

/** A right of the person, decided as the check decides it, with the sentence saying why. */
function right(name: Right, facts: LoadedFacts): { held: boolean; reason: string } {
  const verdict = evaluateRight(name, facts, []);
  return { held: verdict.allowed, reason: verdict.reason };
}

/**
 * The `conversation` and `inquiry` rules' common path: the facts are read from the inquiries
 * service at decision time (`inquiries.conversations.access-facts`), the person's rights are the
 * check's own, and chat-access.policy.ts decides.
 */
@Injectable()
export class ChatAccessEvaluator {
  constructor(
    private readonly bus: BusClient,
    private readonly checks: CheckRepository,
  ) {}

  async evaluate(what: 'conversation' | 'inquiry', input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const WHAT = what.toUpperCase();
    const verb = input.action.startsWith(`${what}.`) ? input.action.slice(what.length + 1) : '';
    const action = ACTIONS[what].find((candidate) => candidate === verb);
    if (!action) {
      steps.push({ rule: `${what}.action`, effect: 'deny', detail: `'${input.action}' is not an action on a ${what}` });
      return { allowed: false, code: 'ACTION.UNKNOWN', reason: `'${input.action}' is not an action on a ${what}` };
    }
    const id = input.resource[`${what}Id`];
    if (!isUuid(id)) {
      steps.push({ rule: `${what}.known`, effect: 'deny', detail: `The ${what} resource names no ${what} (${what}Id)` });
      return { allowed: false, code: `${WHAT}.NOT_FOUND`, reason: `The ${what} resource names no ${what}` };
    }
    const assigneeId = action === 'assign-branch' ? input.resource.assigneeId : undefined;
    if (action === 'assign-branch' && !isUuid(assigneeId)) {
      steps.push({ rule: 'inquiry.assignee-branch', effect: 'deny', detail: 'The resource names no assignee (assigneeId)' });
      return { allowed: false, code: 'INQUIRY.ASSIGNEE_UNKNOWN', reason: 'The resource names no assignee' };
    }
    const person = input.facts ?? (await this.checks.load(input.tenantId, input.personId));
    const kind = person.kind ?? 'employee';
    const facts: ChatAccessFacts = await this.bus.request('inquiries.conversations.access-facts', systemContext(input.tenantId), {
      personId: input.personId,
      kind,
      conversationId: id,
      ...(typeof assigneeId === 'string' ? { assigneeId } : {}),
    });
    const target = facts.conversation;
    if (!target || (what === 'inquiry' && target.kind !== 'inquiry')) {
      steps.push({ rule: `${what}.known`, effect: 'deny', detail: `No such ${what} in this tenant` });
      return { allowed: false, code: `${WHAT}.NOT_FOUND`, reason: `The ${what} does not exist` };
    }
    const viewer = this.viewer(input.personId, kind, facts, person, steps);
    const otherBranches = action === 'assign-branch' && kind === 'employee' ? right('inquiries.assign-other-branches', person) : null;
    return decideChatAction(
      {
        what,
        action,
        target,
        viewer,
        ...(action === 'assign-branch' ? { assignee: facts.assignee ?? null, assignOtherBranches: otherBranches?.held ?? false } : {}),
      },
      steps,
    );
  }

  /** Which inquiries the person sees, for the list's SQL: the same facts and rights as a decision. */
  async inquiryScope(tenantId: string, personId: string): Promise<InquiryScope & { policyVersion: number }> {
    const person = await this.checks.load(tenantId, personId);
    if (!person.known || person.deleted)
      return { assigneeId: null, contactId: null, adminBranches: null, policyVersion: person.policyVersion };
    const kind = person.kind ?? 'employee';
    const facts = await this.bus.request('inquiries.conversations.access-facts', systemContext(tenantId), { personId, kind });
    return { ...inquiryListScope(this.viewer(personId, kind, facts, person, [])), policyVersion: person.policyVersion };
  }

  /** Contacts hold no chat rights; an employee's come from its groups and overrides, its branches from the read model. */
  private viewer(
    personId: string,
    kind: 'employee' | 'contact',
    facts: ChatAccessFacts,
    person: LoadedFacts,
    steps: DecisionStep[],
  ): ChatViewerScope {
    if (kind === 'contact') {
      steps.push({ rule: 'chat.person', effect: 'none', detail: `A client, signed in as contact ${facts.person.contactId ?? '(none)'}` });
      return { personId, kind, contactId: facts.person.contactId, admin: false, allBranches: false, branchIds: [] };
    }
    const admin = right('inquiries.admin', person);
    const all = right('branches.all', person);
    const allBranches = facts.person.allBranches || all.held;
    const branches = allBranches
      ? `all branches (${facts.person.allBranches ? "directory's all-branches flag" : all.reason})`
      : `branches ${facts.person.branchIds.join(', ') || 'none'}`;
    steps.push({
      rule: 'chat.person',
      effect: 'none',
      detail: `An employee with access to ${branches}; chat administrator: ${admin.held ? 'yes' : 'no'} (${admin.reason})`,
    });
    return { personId, kind, contactId: null, admin: admin.held, allBranches, branchIds: facts.person.branchIds };
  }
}
