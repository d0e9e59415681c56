import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@warden/contracts';
import { PresenceTracker } from '../presence/presence.tracker';
import { outlastSessionLeases } from '../sessions/session-lease';
import { SessionRepository } from '../sessions/session.repository';
import { endSession } from '../sessions/session-end';

export class LogoutCommand extends Command<{ loggedOut: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly sessionId: string,
  ) {
    super();
  }
}

/** Ends one session (its refresh tokens stop working); the person goes offline with its last session. */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
  ) {}

  async execute({ ctx, sessionId }: LogoutCommand): Promise<{ loggedOut: true }> {
    const { tenantId } = ctx;
    await this.dataSource.transaction((manager) =>
      endSession({ sessions: this.sessions, presence: this.presence }, manager, tenantId, sessionId, 'logout'),
    );
    // Also when it had ended before: the earlier answer may not have reached this client.
    await outlastSessionLeases();
    return { loggedOut: true };
  }
}
