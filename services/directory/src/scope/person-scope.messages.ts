import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { PersonScopeView } from '@warden/contracts';
import { GetPersonScopeQuery } from './get-person-scope.handler';

/** A person's scope: the message becomes one query for its handler (get-person-scope.handler.ts). */
@Controller()
export class PersonScopeMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('directory.employees.scope')
  scope(@Payload() message: RpcMessage<'directory.employees.scope'>): Promise<PersonScopeView> {
    return this.queries.execute(new GetPersonScopeQuery(message.ctx.tenantId, message.data.personId));
  }
}
