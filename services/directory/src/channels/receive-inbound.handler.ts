import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { digitsOf, newId } from '@warden/kernel';
import { isUniqueViolation } from '@warden/persistence';
import { InboundReceivedV1 } from '@warden/contracts';
import type { ChannelView, ContactView, InboundResult, OutgoingEvent, ReceiveInboundData, RequestContext } from '@warden/contracts';
import { ContactRepository } from '../contacts/contact.repository';
import type { ContactRecord } from '../contacts/contact.repository';
import { contactCreated } from '../contacts/contact.events';
import { optionalText } from '../shared/text';
import { ChannelErrors } from './channel.errors';
import { ChannelRepository } from './channel.repository';

interface InboundRow {
  id: string;
  channel_id: string;
  department_id: string;
  contact_id: string;
  contact_created: boolean;
  received_at: Date;
}

/** `.invalid` is reserved (RFC 2606): the address can never receive mail, and says so. */
const PLACEHOLDER_DOMAIN = 'no-email.invalid';

/** Message ids as the connector gave them (at most 100): trimmed, blanks dropped, each once. */
function messageIds(values: readonly string[] = []): string[] {
  return [...new Set(values.map(optionalText).filter((id): id is string => id !== null))];
}

/** Thrown inside the transaction when another delivery of the same message won the race; rolls it back. */
class AlreadyReceived extends Error {}

function slug(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x'
  );
}

export class ReceiveInboundCommand extends Command<InboundResult> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: ReceiveInboundData,
  ) {
    super();
  }
}

/**
 * A message as a channel connector delivers it. The sender's contact is found (email, then the
 * messenger id on this channel, then the phone) or created; the message is recorded once per
 * (channel, message id) and announced with the channel's department, where the orders service opens a ticket.
 */
@CommandHandler(ReceiveInboundCommand)
export class ReceiveInboundHandler implements ICommandHandler<ReceiveInboundCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRepository,
    private readonly contacts: ContactRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: ReceiveInboundCommand): Promise<InboundResult> {
    const tenantId = ctx.tenantId;
    const channel = await this.channels.find(this.dataSource.manager, tenantId, data.channelId);
    if (!channel) throw ChannelErrors.notFound();
    const from = data.from;
    if (!from.email && !from.messengerId && !digitsOf(from.phone)) throw ChannelErrors.senderUnknown();
    const previous = await this.findPrevious(this.dataSource.manager, channel.id, data.messageId);
    if (previous) return previous;
    // Two attempts: a concurrent message from the same new sender may create the same contact first.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((manager) => this.record(manager, tenantId, channel, data));
      } catch (error) {
        if (error instanceof AlreadyReceived) return (await this.findPrevious(this.dataSource.manager, channel.id, data.messageId))!;
        if (attempt < 2 && isUniqueViolation(error, 'contacts_email_key')) continue;
        throw error;
      }
    }
  }

  private async record(manager: EntityManager, tenantId: string, channel: ChannelView, data: ReceiveInboundData): Promise<InboundResult> {
    let contact = await this.findSender(manager, tenantId, channel, data);
    const newSender = contact === null;
    if (!contact) {
      contact = await this.contacts.insert(manager, tenantId, this.newContact(channel, data));
      await this.events.publish(contactCreated(tenantId, contact), manager);
    }
    const id = newId();
    const subject = data.subject ?? null;
    const rows: InboundRow[] = await manager.query(
      `INSERT INTO inbound_messages (id, tenant_id, channel_id, external_id, contact_id, contact_created, department_id, subject)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (channel_id, external_id) DO NOTHING RETURNING *`,
      [id, tenantId, channel.id, data.messageId, contact.id, newSender, channel.departmentId, subject],
    );
    const row = rows[0];
    if (!row) throw new AlreadyReceived();
    const received: OutgoingEvent<InboundReceivedV1> = {
      contract: InboundReceivedV1,
      tenantId,
      subject: id,
      data: {
        inboundMessageId: id,
        channelId: channel.id,
        channelKind: channel.kind,
        departmentId: channel.departmentId,
        contactId: contact.id,
        companyId: contact.companyId,
        contactCreated: newSender,
        externalMessageId: data.messageId,
        inReplyTo: data.inReplyTo ?? null,
        references: messageIds(data.references),
        from: {
          email: data.from.email ?? null,
          name: data.from.name ?? null,
          messengerId: data.from.messengerId ?? null,
          phone: data.from.phone ?? null,
        },
        subject,
        text: data.text,
        receivedAt: row.received_at.toISOString(),
      },
    };
    await this.events.publish(received, manager);
    return this.toResult(row, false);
  }

  private async findSender(
    manager: EntityManager,
    tenantId: string,
    channel: ChannelView,
    data: ReceiveInboundData,
  ): Promise<ContactView | null> {
    const email = data.from.email;
    if (email) return this.contacts.findByEmail(manager, tenantId, email);
    const messengerId = data.from.messengerId;
    if (messengerId) {
      const found = await this.contacts.findByMessengerId(manager, tenantId, channel.address, messengerId);
      if (found) return found;
      return this.contacts.findByEmail(manager, tenantId, this.placeholderEmail(channel, data));
    }
    const phone = digitsOf(data.from.phone);
    return (
      (await this.contacts.findByPhone(manager, tenantId, phone)) ??
      this.contacts.findByEmail(manager, tenantId, this.placeholderEmail(channel, data))
    );
  }

  private newContact(channel: ChannelView, data: ReceiveInboundData): ContactRecord {
    const email = data.from.email ?? null;
    const messengerId = data.from.messengerId ?? null;
    const phone = data.from.phone ?? null;
    // "First Last" as senders usually sign; a single word is kept as the last name.
    const words = (data.from.name ?? '').split(/\s+/).filter((part) => part);
    const fallbackName = email?.split('@')[0] ?? messengerId ?? phone ?? 'Unknown';
    return {
      id: newId(),
      lastName: words.length > 1 ? words.slice(1).join(' ') : (words[0] ?? fallbackName),
      firstName: words.length > 1 ? words[0]! : '',
      middleName: null,
      email: email ?? this.placeholderEmail(channel, data),
      emailIsPlaceholder: !email,
      phone,
      // Messenger ids are keyed by the channel's address: a sender id only means something to that bot/account.
      messengerIds: messengerId ? { [channel.address]: messengerId } : {},
      companyId: null,
      status: 'active',
      notifications: email !== null,
      responsibleEmployeeId: null,
      branchId: null,
    };
  }

  private placeholderEmail(channel: ChannelView, data: ReceiveInboundData): string {
    const messengerId = data.from.messengerId;
    const sender = messengerId ? `msg-${slug(messengerId)}` : `tel-${digitsOf(data.from.phone)}`;
    return `${sender}-${channel.id.slice(-8)}@${PLACEHOLDER_DOMAIN}`;
  }

  private async findPrevious(manager: EntityManager, channelId: string, messageId: string): Promise<InboundResult | null> {
    const rows: InboundRow[] = await manager.query('SELECT * FROM inbound_messages WHERE channel_id = $1 AND external_id = $2', [
      channelId,
      messageId,
    ]);
    return rows[0] ? this.toResult(rows[0], true) : null;
  }

  private toResult(row: InboundRow, duplicate: boolean): InboundResult {
    return {
      inboundMessageId: row.id,
      channelId: row.channel_id,
      departmentId: row.department_id,
      contactId: row.contact_id,
      contactCreated: row.contact_created,
      duplicate,
      receivedAt: row.received_at.toISOString(),
    };
  }
}
