import { EmployeeCreatedV1, EmployeeDeletedV1, EmployeeUpdatedV1, PresenceChangedV1, TenantCreatedV1 } from './identity.events';
import { GroupMembershipChangedV1, PolicyChangedV1 } from './permissions.events';

/** A payload class that names its own event type. */
export interface EventContract<T = object> {
  new (): T;
  readonly type: string;
}

/**
 * Every event the product publishes. Consumers validate incoming payloads against these classes and
 * the AsyncAPI document is generated from this list, so an event missing here does not exist.
 */
export const EVENT_CONTRACTS: ReadonlyArray<EventContract> = [
  TenantCreatedV1,
  EmployeeCreatedV1,
  EmployeeUpdatedV1,
  EmployeeDeletedV1,
  PresenceChangedV1,
  PolicyChangedV1,
  GroupMembershipChangedV1,
];

export function contractFor(type: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((contract) => contract.type === type);
}
