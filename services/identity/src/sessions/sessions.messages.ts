import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { CheckSessionsQuery } from './check-sessions.handler';
import { EndPeopleSessionsCommand } from './end-people-sessions.handler';

/** Each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class SessionsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The gateway's check of the sessions its requests carry (see CheckSessionsHandler). */
  @RpcHandler('identity.sessions.check')
  check(@Payload() message: RpcMessage<'identity.sessions.check'>): Promise<{ live: string[]; leaseMs: number }> {
    return this.queries.execute(new CheckSessionsQuery(message.data.sessions));
  }

  /** Ends the sessions of people barred from login; answers after the lease wait (see EndPeopleSessionsHandler). */
  @RpcHandler('identity.sessions.end-for-people')
  endForPeople(@Payload() message: RpcMessage<'identity.sessions.end-for-people'>): Promise<{ ended: number }> {
    return this.commands.execute(new EndPeopleSessionsCommand(message.ctx, message.data.personIds, message.data.reason));
  }
}
