import type { OutgoingEvent } from '@warden/contracts';

/** The events of a change that happened: an event builder answers null when there is nothing to announce (nobody joined or left). */
export function happened(...events: Array<OutgoingEvent | null>): OutgoingEvent[] {
  return events.filter((event): event is OutgoingEvent => event !== null);
}
