import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { ContactAccessGrantedV1, ContactAccessRevokedV1 } from '@warden/contracts';
import { EventSubscriber } from '@warden/messaging';
import { PortalMembersService } from './portal-members.service';

/**
 * Identity's portal grants and revocations. The gateway usually made the same change synchronously a
 * moment earlier (read-your-writes for the first login); these handlers make it true even when that
 * call never happened, and change nothing when it did.
 */
@Injectable()
export class ContactAccessConsumer implements OnModuleInit {
  constructor(
    private readonly events: EventSubscriber,
    private readonly portal: PortalMembersService,
  ) {}

  onModuleInit(): void {
    this.events.on(ContactAccessGrantedV1, async (event, manager) => {
      await this.portal.grant(manager, event.tenantid, event.data.personId);
    });

    this.events.on(ContactAccessRevokedV1, async (event, manager) => {
      await this.portal.revoke(manager, event.tenantid, event.data.personId);
    });
  }
}
