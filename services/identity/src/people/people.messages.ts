import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import type { PersonView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { GetPersonQuery } from './get-person.handler';

/** Any person of the tenant: the message becomes a query for its handler (`get-person.handler.ts` beside this file). */
@Controller()
export class PeopleMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('identity.people.get')
  get(@Payload() message: RpcMessage<'identity.people.get'>): Promise<PersonView> {
    return this.queries.execute(new GetPersonQuery(message.ctx.tenantId, message.data.personId));
  }
}
