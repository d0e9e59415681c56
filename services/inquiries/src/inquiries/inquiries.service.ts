import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, DomainError, newId, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { InquiryAssignedV1, InquiryClosedV1, InquiryCreatedV1, InquiryReassignedV1, MessagePostedV1 } from '@warden/contracts';
import type { AppliedDecision, ChatCaller, ChatSettingsView, InquiryDetailsView, InquiryScope, OutgoingEvent, InquiryStatus, InquiryView, ReceivedInquiryView, RequestContext, RoutingDecisionView } from '@warden/contracts';
import { ChatScopeService, widenAudience } from '../conversations/chat-scope.service';
import type { AudienceTarget } from '../conversations/chat-scope.service';
import { ConversationRepository } from '../conversations/conversation.repository';
import { ContactLookup } from '../read-models/contact.lookup';
import type { ContactRecord } from '../read-models/read-model.repository';
import { ReadModelRepository } from '../read-models/read-model.repository';
import { RoutingRepository } from '../routing/routing.repository';
import { RoutingService, summary } from '../routing/routing.service';
import { ChatErrors } from '../shared/chat.errors';
import { lockClientInquiries, lockTenantRouting } from '../shared/tenant-lock';
import { InquiryRepository, toInquiryView } from './inquiry.repository';
import type { InquiryRecord } from './inquiry.repository';

export function inquiryTarget(inquiry: InquiryRecord): AudienceTarget {
  return { kind: 'inquiry', branchId: inquiry.branchId, participants: [{ id: inquiry.contactId, kind: 'contact' }], assigneeId: inquiry.assigneeId };
}

/**
 * Client inquiries: a client's message opens one (routed at once) or joins its open one (whose
 * assignee keeps it); chat administrators and assignees reassign and close them. Every change,
 * its routing decision and its events are one transaction under the tenant's routing lock. Who may
 * see, reassign and close an inquiry is decided by the permissions service's `inquiry` rule before a
 * call comes here; this service checks the inquiry's state and the data it is given.
 */
@Injectable()
export class InquiriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly conversations: ConversationRepository,
    private readonly routing: RoutingService,
    private readonly scope: ChatScopeService,
    private readonly contacts: ContactLookup,
    private readonly readModels: ReadModelRepository,
    private readonly outbox: OutboxWriter,
    private readonly load: RoutingRepository,
  ) {}

  /** `text` comes trimmed, not blank and not too long (ReceiveInquiryRequest in libs/contracts/src/rpc/inquiries.rpc.ts). */
  async receive(ctx: RequestContext, viewer: ChatCaller, data: { contactId?: string; text: string }): Promise<ReceivedInquiryView> {
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
          const result = await this.routing.route(tx, tenantId, contact, open.assigneeId, settings, now);
          if (result.outcome !== 'sticky') {
            await this.routing.apply(tx, tenantId, open, contact, 'released', result, now);
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
  private async open(tx: EntityManager, ctx: RequestContext, contact: ContactRecord, text: string, settings: ChatSettingsView, now: Date): Promise<ReceivedInquiryView> {
    const tenantId = ctx.tenantId;
    const id = newId(now.getTime());
    await this.conversations.create(tx, tenantId, { id, kind: 'inquiry', title: null, branchId: contact.branchId, createdBy: ctx.actorId, at: now }, [
      { id: contact.contactId, kind: 'contact' },
    ]);
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
    const result = await this.routing.route(tx, tenantId, contact, null, settings, now);
    const events: OutgoingEvent<InquiryAssignedV1 | InquiryCreatedV1 | MessagePostedV1>[] = [];
    const { decisionId } = await this.routing.apply(tx, tenantId, waiting, contact, 'created', result, now, { watchers, events });
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
        data: { inquiryId: id, contactId: contact.contactId, branchId: contact.branchId, routing: summary(decisionId, 'created', result), audience, at: now.toISOString() },
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
    await this.outbox.add(tx, ...events);
    return { ...toInquiryView(routed), created: true, messageId: message.id };
  }

  /** `scope`: which inquiries the person sees, as the permissions service answered; part of the SQL. */
  async list(ctx: RequestContext, scope: InquiryScope, query: { status?: InquiryStatus; assigneeId?: string; cursor?: string; limit: number }): Promise<Page<InquiryView>> {
    const { limit } = query;
    const after = decodeCursor(query.cursor);
    const rows = await this.inquiries.list(this.dataSource.manager, ctx.tenantId, { status: query.status, assigneeId: query.assigneeId, afterId: after?.id, limit, scope });
    return toPage(rows.map(toInquiryView), limit, (row) => ({ key: row.id, id: row.id }));
  }

  async get(ctx: RequestContext, viewer: ChatCaller, inquiryId: string): Promise<InquiryDetailsView> {
    const manager = this.dataSource.manager;
    const inquiry = await this.existing(manager, ctx.tenantId, inquiryId);
    const decisions: RoutingDecisionView[] = viewer.kind === 'employee' ? await this.routing.decisions(manager, ctx.tenantId, inquiry.id) : [];
    return { ...toInquiryView(inquiry), decisions };
  }

  /**
   * `branch` is the permissions service's `inquiry.assign-branch` decision for this assignee: applied once the
   * inquiry is open and the assignee is an assignable employee, so those answers (409, 422) come first.
   */
  async reassign(ctx: RequestContext, viewer: ChatCaller, inquiryId: string, assigneeId: string, branch: AppliedDecision): Promise<InquiryView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      await lockTenantRouting(tx, tenantId);
      const inquiry = await this.existing(tx, tenantId, inquiryId, true);
      if (inquiry.status === 'closed') throw ChatErrors.inquiryClosed();
      const target = await this.scope.employee(tx, tenantId, assigneeId);
      if (!target) throw ChatErrors.assigneeUnknown();
      if (!(await this.readModels.holds(tx, tenantId, assigneeId, 'inquiries.assignable'))) throw ChatErrors.assigneeNotAssignable(target.name);
      if (!branch.allowed) throw DomainError.refusal(branch);
      if (inquiry.status === 'assigned' && inquiry.assigneeId === assigneeId) return toInquiryView(inquiry);
      const now = new Date();
      const previous = inquiry.status === 'assigned' ? inquiry.assigneeId : null;
      if (previous) await this.load.recordRelease(tx, tenantId, previous);
      await this.inquiries.assign(tx, tenantId, inquiry.id, assigneeId, now);
      await this.load.recordAssignment(tx, tenantId, assigneeId, now);
      const updated = (await this.inquiries.get(tx, tenantId, inquiry.id))!;
      await this.outbox.add(tx, {
        contract: InquiryReassignedV1,
        tenantId,
        subject: inquiry.id,
        data: {
          inquiryId: inquiry.id,
          contactId: inquiry.contactId,
          branchId: inquiry.branchId,
          fromAssigneeId: previous,
          toAssigneeId: assigneeId,
          byPersonId: viewer.personId,
          audience: await this.scope.audience(tx, tenantId, inquiryTarget(updated), [previous]),
          at: now.toISOString(),
        },
      });
      // The previous assignee has one inquiry less: a waiting one may be routed to it now.
      await this.routing.drain(tx, tenantId);
      return toInquiryView(updated);
    });
  }

  async close(ctx: RequestContext, viewer: ChatCaller, inquiryId: string): Promise<InquiryView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      await lockTenantRouting(tx, tenantId);
      const inquiry = await this.existing(tx, tenantId, inquiryId, true);
      if (inquiry.status === 'closed') throw ChatErrors.inquiryClosed();
      const now = new Date();
      await this.inquiries.close(tx, tenantId, inquiry.id, now);
      if (inquiry.status === 'assigned' && inquiry.assigneeId) {
        await this.load.recordRelease(tx, tenantId, inquiry.assigneeId);
      }
      await this.outbox.add(tx, {
        contract: InquiryClosedV1,
        tenantId,
        subject: inquiry.id,
        data: {
          inquiryId: inquiry.id,
          contactId: inquiry.contactId,
          assigneeId: inquiry.assigneeId,
          closedBy: viewer.personId,
          audience: await this.scope.audience(tx, tenantId, inquiryTarget(inquiry)),
          at: now.toISOString(),
        },
      });
      await this.routing.drain(tx, tenantId);
      return toInquiryView((await this.inquiries.get(tx, tenantId, inquiry.id))!);
    });
  }

  async preview(ctx: RequestContext, contactId: string): Promise<RoutingDecisionView> {
    return this.dataSource.transaction(async (tx) => this.routing.preview(tx, ctx.tenantId, await this.contacts.require(tx, ctx, contactId)));
  }

  private async existing(manager: EntityManager, tenantId: string, inquiryId: string, lock = false): Promise<InquiryRecord> {
    const inquiry = await this.inquiries.get(manager, tenantId, inquiryId, lock);
    if (!inquiry) throw ChatErrors.inquiryNotFound();
    return inquiry;
  }

  private async postClientMessage(manager: EntityManager, tenantId: string, inquiry: InquiryRecord, contact: ContactRecord, text: string, now: Date): Promise<string> {
    const message = await this.conversations.addMessage(manager, tenantId, {
      id: newId(now.getTime()),
      conversationId: inquiry.id,
      authorId: contact.contactId,
      authorKind: 'contact',
      text,
      at: now,
    });
    await this.outbox.add(manager, {
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
    });
    return message.id;
  }
}
