import { GroupMembershipChangedV1 } from '@warden/contracts';
import type { OutgoingEvent } from '@warden/contracts';

/** Who joined or left a group. */
export function groupMembershipChanged(
  tenantId: string,
  group: { id: string; name: string },
  added: readonly string[],
  removed: readonly string[],
): OutgoingEvent<GroupMembershipChangedV1> {
  return {
    contract: GroupMembershipChangedV1,
    tenantId,
    subject: group.id,
    data: { groupId: group.id, groupName: group.name, addedPersonIds: [...added], removedPersonIds: [...removed] },
  };
}
