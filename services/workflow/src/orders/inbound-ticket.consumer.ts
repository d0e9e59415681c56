import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EventSubscriber } from '@warden/messaging';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { InboundReceivedV1 } from '@warden/contracts';
import type { OrderView, OutgoingEvent } from '@warden/contracts';
import { orderCommentAdded } from './order.events';
import { OrderOpener } from './order.opener';
import { OrderCommentRepository } from './order-comment.repository';
import { OrderRepository } from './order.repository';

const TITLE_WORDS = 8;
const TITLE_MAX = 120;

/** The subject, or the first words of the text, as a ticket title. */
export function ticketTitle(subject: string | null, text: string): string {
  const fromSubject = subject?.trim().replace(/\s+/g, ' ');
  if (fromSubject) return fromSubject.slice(0, TITLE_MAX);
  const words = text.trim().split(/\s+/).filter(Boolean);
  const title = words.slice(0, TITLE_WORDS).join(' ');
  if (!title) return 'Inbound message';
  const cut = title.length > TITLE_MAX ? title.slice(0, TITLE_MAX) : title;
  return words.length > TITLE_WORDS || title.length > TITLE_MAX ? `${cut}…` : cut;
}

/** A reply's text as the comment's body: an empty message still says something happened. */
export function replyBody(subject: string | null, text: string): string {
  return text.trim() || subject?.trim() || '(empty message)';
}

/**
 * An inbound message answering an open ticket joins it as the contact's public comment: on an email
 * channel when In-Reply-To/References name a message of the ticket's thread, on a messenger or widget
 * (which have no threads) when the sender has an open ticket on that channel. Anything else opens a
 * ticket: an order in the channel's department with the sender's contact (and its company) as the
 * client, in the default workflow's initial status. Threads are looked up in the message's own
 * tenant and channel only, and a ticket in a final status is not reopened: the reply opens a new one.
 * The inbox makes a redelivery a no-op; unique inbound-message indexes make a second ticket or comment impossible.
 */
@Injectable()
export class InboundTicketConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly opener: OrderOpener,
    private readonly repository: OrderRepository,
    private readonly threads: OrderCommentRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(InboundReceivedV1, async (event, manager) => {
      const tenantId = event.tenantid;
      const data = event.data;
      await this.threads.lockSender(manager, tenantId, data.channelId, data.contactId);
      if (await this.repository.byInboundMessage(manager, tenantId, data.inboundMessageId)) return;
      if (await this.threads.byInboundMessage(manager, tenantId, data.inboundMessageId)) return;
      const answered = await this.answeredTicket(manager, tenantId, data);
      const order =
        answered ??
        (await this.opener.open(manager, tenantId, null, {
          title: ticketTitle(data.subject, data.text),
          description: data.text,
          clientRef: null,
          responsibleId: null,
          departmentId: data.departmentId,
          client: { clientContactId: data.contactId, clientCompanyId: data.companyId, equipmentId: null },
          inboundMessageId: data.inboundMessageId,
          channelId: data.channelId,
          tags: [],
        }));
      if (answered) {
        const comment = await this.threads.insert(manager, tenantId, {
          id: newId(),
          orderId: answered.id,
          visibility: 'public',
          authorId: data.contactId,
          authorKind: 'contact',
          body: replyBody(data.subject, data.text),
          inboundMessageId: data.inboundMessageId,
        });
        await this.events.publish(orderCommentAdded(tenantId, answered, comment), manager);
      }
      await this.threads.addThreadMessage(manager, tenantId, {
        channelId: data.channelId,
        externalId: data.externalMessageId,
        orderId: order.id,
        contactId: data.contactId,
      });
    });
  }

  private async answeredTicket(manager: EntityManager, tenantId: string, data: InboundReceivedV1): Promise<OrderView | null> {
    const orderId =
      data.channelKind === 'email'
        ? await this.threads.openOrderOfThread(
            manager,
            tenantId,
            data.channelId,
            [data.inReplyTo, ...(data.references ?? [])].filter((id): id is string => !!id),
          )
        : await this.threads.openOrderOfSender(manager, tenantId, data.channelId, data.contactId);
    return orderId ? this.repository.get(tenantId, orderId, manager) : null;
  }
}
