import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import type { Page } from '@warden/kernel';
import type { StaffView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { StaffErrors } from '../people/person.errors';
import { toStaffView } from '../people/person.mapper';
import { PersonRepository } from '../people/person.repository';
import { CreateStaffHandler } from './commands/create-staff.handler';
import { DeleteStaffHandler } from './commands/delete-staff.handler';
import { UpdateStaffHandler } from './commands/update-staff.handler';
import { ListStaffHandler } from './queries/list-staff.handler';

/** The staff registry over the bus; the tenant always comes from the caller's context. */
@Controller()
export class StaffMessages {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly listStaff: ListStaffHandler,
    private readonly createStaff: CreateStaffHandler,
    private readonly updateStaff: UpdateStaffHandler,
    private readonly deleteStaff: DeleteStaffHandler,
  ) {}

  @RpcHandler('identity.staff.list')
  list(@Payload() message: RpcMessage<'identity.staff.list'>): Promise<Page<StaffView>> {
    return this.listStaff.execute(message.ctx.tenantId, message.data);
  }

  @RpcHandler('identity.staff.get')
  async get(@Payload() message: RpcMessage<'identity.staff.get'>): Promise<StaffView> {
    const row = await this.people.findById(this.dataSource.manager, message.ctx.tenantId, message.data.personId, { kind: 'employee' });
    if (!row) throw StaffErrors.notFound();
    return toStaffView(row);
  }

  @RpcHandler('identity.staff.create')
  create(@Payload() message: RpcMessage<'identity.staff.create'>): Promise<StaffView> {
    return this.createStaff.execute(message.ctx.tenantId, message.data);
  }

  @RpcHandler('identity.staff.update')
  update(@Payload() message: RpcMessage<'identity.staff.update'>): Promise<StaffView> {
    return this.updateStaff.execute(message.ctx.tenantId, message.data);
  }

  @RpcHandler('identity.staff.delete')
  delete(@Payload() message: RpcMessage<'identity.staff.delete'>): Promise<StaffView> {
    return this.deleteStaff.execute(message.ctx.tenantId, message.data.personId);
  }
}
