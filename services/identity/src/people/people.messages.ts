import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import type { PersonView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { PersonErrors } from './person.errors';
import { toStaffView } from './person.mapper';
import { PersonRepository } from './person.repository';

/** Any person of the tenant, whatever its kind (the signed-in person's own card: employee or contact). */
@Controller()
export class PeopleMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
  ) {}

  @RpcHandler('identity.people.get')
  async get(@Payload() message: RpcMessage<'identity.people.get'>): Promise<PersonView> {
    const row = await this.people.findById(this.dataSource.manager, message.ctx.tenantId, message.data.personId);
    if (!row) throw PersonErrors.notFound();
    return toStaffView(row);
  }
}
