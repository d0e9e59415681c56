import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { InquiryAssignedV1, InquiryCreatedV1, MessagePostedV1 } from '@warden/contracts';
import type { ChatCaller, ChatSettingsView, OutgoingEvent, ReceivedInquiryView, RequestContext } from '@warden/contracts';
import { ChatScopeReader, widenAudience } from '../conversations/chat-scope.reader';
import { ConversationRepository } from '../conversations/conversation.repository';
import { ContactLookup } from '../read-models/contact.lookup';
import type { ContactRecord } from '../read-models/read-model.repository';
import { InquiryRouter, summary } from '../routing/inquiry.router';
import { RoutingRepository } from '../routing/routing.repository';
import { ChatErrors } from '../shared/chat.errors';
import { lockClientInquiries, lockTenantRouting } from '../shared/tenant-lock';
import { inquiryTarget } from './inquiry.check';
import { InquiryRepository, toInquiryView } from './inquiry.repository';
import type { InquiryRecord } from './inquiry.repository';

/** `text` comes trimmed, not blank and not too long (ReceiveInquiryRequest in libs/contracts/src/rpc/inquiries.rpc.ts). */
export class ReceiveInquiryCommand extends Command<ReceivedInquiryView> {
  constructor(
    readonly ctx: RequestContext,
    readonly viewer: ChatCaller,
    readonly data: { contactId?: string; text: string },
  ) {
    super();
  }
}

/**
 * A client's message opens an inquiry (routed at once) or joins its open one (whose assignee keeps it). Every
 * change, its routing decision and its events are one transaction under the tenant's routing lock.
 */
@CommandHandler(ReceiveInquiryCommand)
export class ReceiveInquiryHandler implements ICommandHandler<ReceiveInquiryCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly conversations: ConversationRepository,
    private readonly router: InquiryRouter,
    private readonly routing: RoutingRepository,
    private readonly scope: ChatScopeReader,
    private readonly contacts: ContactLookup,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, viewer, data }: ReceiveInquiryCommand): Promise<ReceivedInquiryView> {
    const text = data.text;
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      let contactId = data.contactId;
      if (viewer.kind === 'contact') {
        // A client writes as itself, whatever contactId says. A login created a moment ago may not be in the
        // read model yet: its person id is its directory contact id, so directory is asked once (ContactLookup).
        contactId = (await this.scope.contactOf(tx, tenantId, viewer)) ?? (await this.contacts.find(tx, ctx, viewer.personId))?.contactId;
        if (!contactId) throw ChatErrors.noContactForLogin();
      }
      if (!contactId) throw ChatErrors.inquiryContactRequired();
      const contact = await this.contacts.require(tx, ctx, contactId);
      await lockClientInquiries(tx, tenantId, contact.contactId);
      const settings = await this.routing.settings(tx, tenantId);
      if (!settings.inquiries) throw ChatErrors.inquiriesDisabled();
      // Releasing a sticky inquiry is a routing decision: the tenant lock comes before the inquiry row (lock order).
      const mayRelease = settings.stickyReleaseMinutes !== null;
      if (mayRelease) await lockTenantRouting(tx, tenantId);
      const now = new Date();
      const open = await this.inquiries.openForContact(tx, tenantId, contact.contactId);
      if (open) {
        let current = open;
        if (open.status === 'assigned' && mayRelease) {
          const result = await this.router.route(tx, tenantId, contact, open.assigneeId, settings, now);
          if (result.outcome !== 'sticky') {
            await this.router.apply(tx, tenantId, open, contact, 'released', result, now);
            current = (await this.inquiries.get(tx, tenantId, open.id))!;
          }
        }
        const message = await this.postClientMessage(tx, tenantId, current, contact, text, now);
        // addMessage stamps the conversation's last message with `now`: the row need not be read back.
        return { ...toInquiryView({ ...current, lastMessageAt: now }), created: false, messageId: message };
      }
      return this.open(tx, ctx, contact, text, settings, now);
    });
  }

  /**
   * A new inquiry: everything that does not depend on the decision is written first; the tenant's routing
   * lock, held until commit, then covers only the decision, the assignment and the events.
   */
  private async open(
    tx: EntityManager,
    ctx: RequestContext,
    contact: ContactRecord,
    text: string,
    settings: ChatSettingsView,
    now: Date,
  ): Promise<ReceivedInquiryView> {
    const tenantId = ctx.tenantId;
    const id = newId(now.getTime());
    await this.conversations.create(
      tx,
      tenantId,
      { id, kind: 'inquiry', title: null, branchId: contact.branchId, createdBy: ctx.actorId, at: now },
      [{ id: contact.contactId, kind: 'contact' }],
    );
    await this.inquiries.insert(tx, tenantId, { id, contactId: contact.contactId, branchId: contact.branchId, at: now });
    const message = await this.conversations.addMessage(tx, tenantId, {
      id: newId(now.getTime()),
      conversationId: id,
      authorId: contact.contactId,
      authorKind: 'contact',
      text,
      at: now,
    });
    const waiting: InquiryRecord = {
      id,
      contactId: contact.contactId,
      branchId: contact.branchId,
      status: 'waiting',
      assigneeId: null,
      assignedAt: null,
      waitingSince: now,
      createdAt: now,
      closedAt: null,
      lastMessageAt: now,
    };
    const watchers = await this.scope.audience(tx, tenantId, inquiryTarget(waiting));

    await lockTenantRouting(tx, tenantId);
    const result = await this.router.route(tx, tenantId, contact, null, settings, now);
    const events: OutgoingEvent<InquiryAssignedV1 | InquiryCreatedV1 | MessagePostedV1>[] = [];
    const { decisionId } = await this.router.apply(tx, tenantId, waiting, contact, 'created', result, now, { watchers, events });
    const routed: InquiryRecord =
      result.outcome === 'assigned' && result.assigneeId
        ? { ...waiting, status: 'assigned', assigneeId: result.assigneeId, assignedAt: now, waitingSince: null }
        : waiting;
    const audience = widenAudience(watchers, [routed.assigneeId]);
    events.push(
      {
        contract: InquiryCreatedV1,
        tenantId,
        subject: id,
        data: {
          inquiryId: id,
          contactId: contact.contactId,
          branchId: contact.branchId,
          routing: summary(decisionId, 'created', result),
          audience,
          at: now.toISOString(),
        },
      },
      {
        contract: MessagePostedV1,
        tenantId,
        subject: message.id,
        data: {
          messageId: message.id,
          conversationId: id,
          conversationKind: 'inquiry',
          authorId: contact.contactId,
          authorKind: 'contact',
          text,
          audience,
          at: message.createdAt,
        },
      },
    );
    await this.events.publishAll(events, tx);
    return { ...toInquiryView(routed), created: true, messageId: message.id };
  }

  private async postClientMessage(
    manager: EntityManager,
    tenantId: string,
    inquiry: InquiryRecord,
    contact: ContactRecord,
    text: string,
    now: Date,
  ): Promise<string> {
    const message = await this.conversations.addMessage(manager, tenantId, {
      id: newId(now.getTime()),
      conversationId: inquiry.id,
      authorId: contact.contactId,
      authorKind: 'contact',
      text,
      at: now,
    });
    const posted: OutgoingEvent<MessagePostedV1> = {
      contract: MessagePostedV1,
      tenantId,
      subject: message.id,
      data: {
        messageId: message.id,
        conversationId: inquiry.id,
        conversationKind: 'inquiry',
        authorId: contact.contactId,
        authorKind: 'contact',
        text,
        audience: await this.scope.audience(manager, tenantId, inquiryTarget(inquiry)),
        at: message.createdAt,
      },
    };
    await this.events.publish(posted, manager);
    return message.id;
  }
}
