import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@warden/contracts';
import { AuthErrors } from '../auth/auth.errors';
import { SessionRepository } from '../sessions/session.repository';
import { PresenceTracker } from './presence.tracker';

export class HeartbeatCommand extends Command<{ presence: 'online' }> {
  constructor(
    readonly ctx: RequestContext,
    readonly sessionId: string,
  ) {
    super();
  }
}

/** A live session says "still here": the person is online until the sweeper (presence.sweeper.ts) sees silence. */
@CommandHandler(HeartbeatCommand)
export class HeartbeatHandler implements ICommandHandler<HeartbeatCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly presence: PresenceTracker,
  ) {}

  async execute({ ctx, sessionId }: HeartbeatCommand): Promise<{ presence: 'online' }> {
    const { tenantId } = ctx;
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findLiveSession(manager, tenantId, sessionId);
      if (!session) throw AuthErrors.sessionEnded();
      await this.presence.seen(manager, tenantId, session.person_id);
    });
    return { presence: 'online' };
  }
}
