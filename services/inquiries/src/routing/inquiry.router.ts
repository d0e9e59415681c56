import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { InquiryAssignedV1, InquiryRequeuedV1 } from '@warden/contracts';
import type { ChatSettingsView, OutgoingEvent, RequeueReason, RoutingDecisionView, RoutingTrigger } from '@warden/contracts';
import { ChatScopeReader, widenAudience } from '../conversations/chat-scope.reader';
import { InquiryRepository } from '../inquiries/inquiry.repository';
import type { InquiryRecord } from '../inquiries/inquiry.repository';
import type { ContactRecord } from '../read-models/read-model.repository';
import { ReadModelRepository } from '../read-models/read-model.repository';
import { lockTenantRouting } from '../shared/tenant-lock';
import { decideRouting } from './routing.policy';
import type { RoutingResult } from './routing.policy';
import { RoutingRepository } from './routing.repository';
import { RosterCache } from './roster.cache';
import { consideredCount, decideWithRoster, shortlist } from './routing.roster';
import { applyScheduleFacts } from './schedule.facts';
import type { ScheduledCandidate } from './schedule.facts';

/** How many waiting inquiries one drain looks at; the rest wait for the next trigger. */
const DRAIN_BATCH = 200;

export interface AppliedDecision {
  decisionId: string;
  result: RoutingResult;
}

/**
 * Runs the routing policy against the read models, stores every decision with its candidates and
 * reasons, applies it (assignment, load counters) and publishes `inquiries.inquiry.assigned.v1` through
 * the EventBus into the outbox, in the caller's transaction. Callers hold the tenant's routing lock (see
 * lockTenantRouting). A collaborator, not a use case: the inquiry and reception handlers, the read-model
 * consumers and the routing clock all route through it, inside their own transactions.
 */
@Injectable()
export class InquiryRouter {
  constructor(
    private readonly routing: RoutingRepository,
    private readonly inquiries: InquiryRepository,
    private readonly readModels: ReadModelRepository,
    private readonly scope: ChatScopeReader,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly rosters: RosterCache,
  ) {}

  /** The full evaluation over every employee; sets each candidate's insideSchedule for this `now` first. */
  decide(
    candidates: ScheduledCandidate[],
    contact: ContactRecord,
    stickyAssigneeId: string | null,
    settings: ChatSettingsView,
    now: Date,
  ): RoutingResult {
    applyScheduleFacts(candidates, settings.useWorkSchedules, now);
    return decideRouting(
      candidates,
      { contactId: contact.contactId, branchId: contact.branchId, responsibleEmployeeId: contact.responsibleEmployeeId, stickyAssigneeId },
      { stickyReleaseMinutes: settings.stickyReleaseMinutes, useWorkSchedules: settings.useWorkSchedules },
      now,
    );
  }

  /**
   * The decision for one client's message, the hot path: the roster from memory (if still current),
   * presence and load read only for the employees whose right, mode and branch accept this client.
   * Same outcome as decide() over every employee. Callers hold the tenant's routing lock.
   */
  async route(
    manager: EntityManager,
    tenantId: string,
    contact: ContactRecord,
    stickyAssigneeId: string | null,
    settings: ChatSettingsView,
    now: Date,
  ): Promise<RoutingResult> {
    const client = {
      contactId: contact.contactId,
      branchId: contact.branchId,
      responsibleEmployeeId: contact.responsibleEmployeeId,
      stickyAssigneeId,
    };
    // Roster version check and the shortlist's presence/load: one round trip while the cached roster is current.
    const {
      roster,
      picked: list,
      live,
    } = await this.rosters.currentWithLive(manager, tenantId, (members) => {
      const value = shortlist(members, client);
      return { value, personIds: value.plausible.map((member) => member.personId) };
    });
    return decideWithRoster(
      roster,
      list,
      live,
      client,
      { stickyReleaseMinutes: settings.stickyReleaseMinutes, useWorkSchedules: settings.useWorkSchedules },
      now,
    );
  }

  /** The dry run: what routing would decide for a new message of this client right now. Nothing is written. */
  async preview(manager: EntityManager, tenantId: string, contact: ContactRecord): Promise<RoutingDecisionView> {
    // One connection runs one query at a time: sequential, not Promise.all.
    const candidates = await this.routing.candidates(manager, tenantId);
    const settings = await this.routing.settings(manager, tenantId);
    const open: Array<{ assignee_id: string }> = await manager.query(
      `SELECT assignee_id FROM inquiries WHERE tenant_id = $1 AND contact_id = $2 AND status = 'assigned'`,
      [tenantId, contact.contactId],
    );
    const now = new Date();
    const result = this.decide(candidates, contact, open[0]?.assignee_id ?? null, settings, now);
    return { id: null, trigger: 'preview', decidedAt: now.toISOString(), ...result };
  }

  /**
   * Stores a decision for the inquiry and applies it; returns it with its id. A caller inside the tenant's routing
   * lock can save round trips: `watchers` is the inquiry's audience without an assignee, if it has it already, and
   * `events` collects the assignment event for the caller to add to the outbox with its own.
   */
  async apply(
    manager: EntityManager,
    tenantId: string,
    inquiry: InquiryRecord,
    contact: ContactRecord,
    trigger: RoutingTrigger,
    result: RoutingResult,
    now: Date,
    { watchers, events }: { watchers?: readonly string[]; events?: { push(event: OutgoingEvent<InquiryAssignedV1>): number } } = {},
  ): Promise<AppliedDecision> {
    const decisionId = newId(now.getTime());
    await this.routing.saveDecision(manager, tenantId, inquiry.id, decisionId, trigger, result, now);
    const previous = inquiry.status === 'assigned' ? inquiry.assigneeId : null;
    if (result.outcome === 'assigned' && result.assigneeId && result.assigneeId !== previous) {
      if (previous) await this.routing.recordRelease(manager, tenantId, previous);
      await this.inquiries.assign(manager, tenantId, inquiry.id, result.assigneeId, now);
      await this.routing.recordAssignment(manager, tenantId, result.assigneeId, now);
      const audience = watchers
        ? widenAudience(watchers, [result.assigneeId, previous])
        : await this.scope.audience(
            manager,
            tenantId,
            {
              kind: 'inquiry',
              branchId: inquiry.branchId,
              participants: [{ id: contact.contactId, kind: 'contact' }],
              assigneeId: result.assigneeId,
            },
            [previous],
          );
      const assigned: OutgoingEvent<InquiryAssignedV1> = {
        contract: InquiryAssignedV1,
        tenantId,
        subject: inquiry.id,
        data: {
          inquiryId: inquiry.id,
          contactId: contact.contactId,
          branchId: inquiry.branchId,
          assigneeId: result.assigneeId,
          previousAssigneeId: previous,
          routing: summary(decisionId, trigger, result),
          audience,
          at: now.toISOString(),
        },
      };
      if (events) events.push(assigned);
      else await this.events.publish(assigned, manager);
    } else if (result.outcome === 'queued' && previous) {
      // A released sticky inquiry nobody can take goes back to the queue.
      await this.requeue(manager, tenantId, inquiry, 'released', now, summary(decisionId, trigger, result));
    }
    return { decisionId, result };
  }

  /**
   * Puts an assigned inquiry back in the queue (its assignee's load goes down) and announces it, the former
   * assignee included in the audience so its screen can drop it.
   */
  async requeue(
    manager: EntityManager,
    tenantId: string,
    inquiry: InquiryRecord,
    reason: RequeueReason,
    now: Date,
    routing: InquiryRequeuedV1['routing'] = null,
  ): Promise<void> {
    const previous = inquiry.assigneeId;
    if (inquiry.status !== 'assigned' || !previous) return;
    await this.routing.recordRelease(manager, tenantId, previous);
    await this.inquiries.requeue(manager, tenantId, inquiry.id, now);
    const audience = await this.scope.audience(
      manager,
      tenantId,
      { kind: 'inquiry', branchId: inquiry.branchId, participants: [{ id: inquiry.contactId, kind: 'contact' }], assigneeId: null },
      [previous],
    );
    const requeued: OutgoingEvent<InquiryRequeuedV1> = {
      contract: InquiryRequeuedV1,
      tenantId,
      subject: inquiry.id,
      data: {
        inquiryId: inquiry.id,
        contactId: inquiry.contactId,
        branchId: inquiry.branchId,
        previousAssigneeId: previous,
        reason,
        routing,
        audience,
        at: now.toISOString(),
      },
    };
    await this.events.publish(requeued, manager);
  }

  /**
   * Someone may qualify now (came online, changed mode or branches, gained the right, closed an
   * inquiry): waiting inquiries are routed oldest first, each seeing the load the previous ones added.
   * Takes the tenant's routing lock itself. `at`: the decisions' clock (now, unless a caller replays a moment).
   */
  async drain(manager: EntityManager, tenantId: string, at?: Date): Promise<number> {
    await lockTenantRouting(manager, tenantId);
    const waiting = await this.inquiries.waiting(manager, tenantId, DRAIN_BATCH);
    if (waiting.length === 0) return 0;
    const candidates = await this.routing.candidates(manager, tenantId);
    const settings = await this.routing.settings(manager, tenantId);
    if (!settings.inquiries) return 0;
    let assigned = 0;
    for (const inquiry of waiting) {
      const contact = await this.readModels.contact(manager, tenantId, inquiry.contactId);
      if (!contact) continue;
      const now = at ?? new Date();
      const result = this.decide(candidates, contact, null, settings, now);
      // A queued inquiry that still finds nobody keeps its first decision; only assignments are recorded.
      if (result.outcome !== 'assigned' || !result.assigneeId) continue;
      await this.apply(manager, tenantId, inquiry, contact, 'queue', result, now);
      const winner = candidates.find((candidate) => candidate.personId === result.assigneeId)!;
      winner.openInquiries += 1;
      winner.lastAssignedAt = now;
      assigned += 1;
    }
    return assigned;
  }
}

export function summary(decisionId: string, trigger: RoutingTrigger, result: RoutingResult): InquiryAssignedV1['routing'] {
  return {
    decisionId,
    trigger,
    outcome: result.outcome,
    assigneeId: result.assigneeId,
    candidatesConsidered: consideredCount(result),
    reason: result.reason,
  };
}
