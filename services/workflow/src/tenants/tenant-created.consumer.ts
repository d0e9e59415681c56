import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventSubscriber } from '@warden/messaging';
import { TenantCreatedV1 } from '@warden/contracts';
import { ProvisionTenantCommand } from '../workflows/provision-tenant.handler';

/**
 * Gives every new tenant its default order workflow. The gateway also asks for it synchronously
 * (`workflow.tenants.provision`) so the first requests of a new tenant find it; both paths are idempotent.
 */
@Injectable()
export class TenantCreatedConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.events.on(TenantCreatedV1, async (event, manager) => {
      await this.commands.execute(new ProvisionTenantCommand(event.data.tenantId, manager));
    });
  }
}
