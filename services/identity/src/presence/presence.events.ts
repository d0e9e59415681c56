import type { OutgoingEvent } from '@warden/contracts';
import { PresenceChangedV1 } from '@warden/contracts';

export function presenceChanged(
  tenantId: string,
  personId: string,
  presence: 'online' | 'offline',
  at: string,
): OutgoingEvent<PresenceChangedV1> {
  return { contract: PresenceChangedV1, tenantId, subject: personId, data: { personId, presence, at } };
}
