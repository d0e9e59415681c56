import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { DecisionStep } from '@warden/contracts';
import { CheckRepository } from '../check/check.repository';
import { evaluateRight } from '../check/decision.policy';
import type { ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { OrderVisibilityRepository } from '../order-access/order-visibility.repository';
import { systemContext } from '../check/system.context';
import { decideStart } from './conversation-start.policy';

/** A resource attribute listing ids, comma-separated (resource attributes are scalars), lower-cased. */
function ids(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((id) => id.trim().toLowerCase())
        .filter((id) => id.length > 0),
    ),
  ];
}

/**
 * `conversation.start` (`resource.kind`, and the people named: `employeeIds`, `contactIds`, each
 * comma-separated): the person's `chats.internal` as the check decides it, the tenant's chat switches
 * and the client's contact from the inquiries service, the contacts' companies from the contact read
 * model; conversation-start.policy.ts decides.
 */
@Injectable()
export class ConversationStartEvaluator {
  constructor(
    private readonly bus: BusClient,
    private readonly checks: CheckRepository,
    private readonly contacts: OrderVisibilityRepository,
  ) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const person = input.facts ?? (await this.checks.load(input.tenantId, input.personId));
    const kind = person.kind ?? 'employee';
    const facts = await this.bus.request('inquiries.conversations.access-facts', systemContext(input.tenantId), {
      personId: input.personId,
      kind,
      kinds: true,
    });
    const contactIds = ids(input.resource.contactIds);
    // A login granted a moment ago may be ahead of the contact's event in the inquiries service: its person id is its contact id.
    const ownContact = (facts.person.contactId ?? (kind === 'contact' ? input.personId : null))?.toLowerCase() ?? null;
    const companies =
      kind === 'contact'
        ? await this.contacts.companiesOf(
            input.tenantId,
            [ownContact, ...contactIds].filter((id): id is string => isUuid(id)),
          )
        : new Map<string, string>();
    const right = evaluateRight('chats.internal', person, []);
    return decideStart(
      {
        kind: input.resource.kind,
        starter: { kind, contactId: ownContact, companyId: ownContact ? (companies.get(ownContact) ?? null) : null },
        chatsRight: { held: right.allowed, code: right.code, reason: right.reason },
        kinds: facts.kinds ?? { internalChats: true, clientEmployeeChats: false, clientGroupChats: false, inquiries: false },
        employeeIds: ids(input.resource.employeeIds),
        contacts: contactIds.map((id) => ({ id, companyId: companies.get(id) ?? null })),
      },
      steps,
    );
  }
}
