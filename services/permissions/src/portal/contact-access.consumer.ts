import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { ContactAccessGrantedV1, ContactAccessRevokedV1 } from '@warden/contracts';
import type { OutgoingEvent } from '@warden/contracts';
import { EventSubscriber } from '@warden/messaging';
import { GroupsRepository } from '../groups/groups.repository';
import type { MembershipWriters } from '../groups/memberships.record';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { grantPortal, revokePortal } from './portal-membership.record';

/**
 * Identity's portal grants and revocations. The gateway usually made the same change synchronously a
 * moment earlier (read-your-writes for the first login); these handlers make it true even when that
 * call never happened, and change nothing when it did.
 */
@Injectable()
export class ContactAccessConsumer implements OnModuleInit {
  private readonly writers: MembershipWriters;

  constructor(
    private readonly events: EventSubscriber,
    groups: GroupsRepository,
    persons: PersonsRepository,
    policy: PolicyVersions,
    eventBus: EventBus<OutgoingEvent>,
  ) {
    this.writers = { groups, persons, policy, events: eventBus };
  }

  onModuleInit(): void {
    this.events.on(ContactAccessGrantedV1, async (event, manager) => {
      await grantPortal(manager, this.writers, event.tenantid, event.data.personId);
    });

    this.events.on(ContactAccessRevokedV1, async (event, manager) => {
      await revokePortal(manager, this.writers, event.tenantid, event.data.personId);
    });
  }
}
