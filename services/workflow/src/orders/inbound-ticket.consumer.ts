import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@warden/messaging';
import { InboundReceivedV1 } from '@warden/contracts';
import { OrderRepository } from './order.repository';
import { OrdersService } from './orders.service';

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

/**
 * An inbound message becomes a ticket: an order in the channel's department with the sender's
 * contact (and its company) as the client, in the default workflow's initial status. The inbox
 * makes a redelivery a no-op; the unique inbound-message index makes a second ticket impossible.
 */
@Injectable()
export class InboundTicketConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly orders: OrdersService,
    private readonly repository: OrderRepository,
  ) {}

  onModuleInit(): void {
    this.events.on(InboundReceivedV1, async (event, manager) => {
      const tenantId = event.tenantid;
      const data = event.data;
      if (await this.repository.byInboundMessage(manager, tenantId, data.inboundMessageId)) return;
      await this.orders.createWithin(manager, tenantId, null, {
        title: ticketTitle(data.subject, data.text),
        description: data.text,
        clientRef: null,
        responsibleId: null,
        departmentId: data.departmentId,
        client: { clientContactId: data.contactId, clientCompanyId: data.companyId, equipmentId: null },
        inboundMessageId: data.inboundMessageId,
      });
    });
  }
}
