import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import type { ChatCaller, ConversationView, ParticipantView, RequestContext, StartConversationRequest } from '@warden/contracts';
import { ContactLookup } from '../read-models/contact.lookup';
import { RoutingRepository } from '../routing/routing.repository';
import { ChatErrors } from '../shared/chat.errors';
import { ChatScopeReader } from './chat-scope.reader';
import { assertKindEnabled } from './conversation.check';
import { ConversationRepository, toConversationView } from './conversation.repository';

export class CreateConversationCommand extends Command<ConversationView> {
  constructor(
    readonly ctx: RequestContext,
    readonly viewer: ChatCaller,
    readonly data: Omit<StartConversationRequest, 'viewer'>,
  ) {
    super();
  }
}

/**
 * Internal chats: any employees. A client starts group chats with its classmates, taking part as its contact.
 * Who may start which kind is decided by the permissions service (`conversation.start`) before a call comes here.
 */
@CommandHandler(CreateConversationCommand)
export class CreateConversationHandler implements ICommandHandler<CreateConversationCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeReader,
    private readonly contacts: ContactLookup,
    private readonly settings: RoutingRepository,
  ) {}

  async execute({ ctx, viewer, data }: CreateConversationCommand): Promise<ConversationView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      await assertKindEnabled(this.settings, tx, tenantId, data.kind);
      const starter = await this.starter(tx, ctx, viewer);
      const employeeIds = [...new Set([...(starter.kind === 'employee' ? [starter.id] : []), ...data.employeeIds])];
      const unknown = await this.unknownEmployees(tx, tenantId, employeeIds);
      if (unknown.length > 0) throw ChatErrors.unknownEmployees(unknown);
      const named = [...new Set(data.contactIds)];
      if (data.kind === 'internal' && named.length > 0) throw ChatErrors.contactsNotAllowed();
      if (data.kind !== 'internal' && named.filter((id) => id !== starter.id).length === 0) {
        throw starter.kind === 'contact' ? ChatErrors.classmateRequired() : ChatErrors.contactRequired();
      }
      // A client takes part as its contact, first; the `conversation` rule allowed only its classmates besides.
      const contactIds = starter.kind === 'contact' ? [...new Set([starter.id, ...named])] : named;
      // A client's chat is of its own branch (its contact comes first); an employee may name the branch.
      let branchId = starter.kind === 'contact' ? null : (data.branchId ?? null);
      for (const contactId of contactIds) {
        const index = data.contactIds.indexOf(contactId);
        const contact = await this.contacts.require(tx, ctx, contactId, index < 0 ? 'contactIds' : `contactIds.${index}`);
        branchId ??= contact.branchId;
      }
      const participants: ParticipantView[] = [
        ...employeeIds.map((id) => ({ id, kind: 'employee' as const })),
        ...contactIds.map((id) => ({ id, kind: 'contact' as const })),
      ];
      const id = newId();
      await this.conversations.create(
        tx,
        tenantId,
        {
          id,
          kind: data.kind,
          title: data.title ?? null,
          branchId: data.kind === 'internal' ? null : branchId,
          createdBy: viewer.personId,
          at: new Date(),
        },
        participants,
      );
      return toConversationView((await this.conversations.get(tx, tenantId, id))!, 0);
    });
  }

  /** Who starts a conversation and takes part in it: an employee as itself, a client as its contact. */
  private async starter(manager: EntityManager, ctx: RequestContext, viewer: ChatCaller): Promise<ParticipantView> {
    if (viewer.kind !== 'contact') return { id: viewer.personId, kind: 'employee' };
    // A login granted a moment ago may be ahead of the contact's event: its person id is its contact id.
    const contactId =
      (await this.scope.contactOf(manager, ctx.tenantId, viewer)) ?? (await this.contacts.find(manager, ctx, viewer.personId))?.contactId;
    if (!contactId) throw ChatErrors.noContactForLogin();
    return { id: contactId, kind: 'contact' };
  }

  private async unknownEmployees(manager: EntityManager, tenantId: string, ids: string[]): Promise<string[]> {
    const rows: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM employees WHERE tenant_id = $1 AND person_id = ANY($2::uuid[]) AND full_name IS NOT NULL AND deleted_at IS NULL`,
      [tenantId, ids],
    );
    const known = new Set(rows.map((row) => row.person_id));
    return ids.filter((id) => !known.has(id));
  }
}
