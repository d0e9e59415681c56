import type { NotificationKind, NotificationSettingsView } from '@warden/contracts';
import type { NotifiedPerson } from './notification-read-model.repository';
import { EMPLOYEE_SETTING_OF } from './notification-settings.repository';

/** How long a notification waits for its recipient's details to arrive from the directory or identity events. */
export const RECIPIENT_WAIT_MS = 10 * 60_000;

export type Eligibility = { send: true } | { send: false; wait: boolean; reason: string };

/**
 * Whether an email goes out, decided when it is due (a flag turned off after the event still counts): only to a
 * known, not deleted person with a real address; a contact with its notifications flag on; an employee who has
 * not turned that kind off for itself.
 */
export function notificationEligibility(
  kind: NotificationKind,
  person: NotifiedPerson | null,
  settings: NotificationSettingsView | null,
  waitedMs: number,
): Eligibility {
  if (!person) {
    return waitedMs < RECIPIENT_WAIT_MS
      ? { send: false, wait: true, reason: 'waiting for the recipient to be known' }
      : { send: false, wait: false, reason: 'the recipient is not known' };
  }
  if (person.deleted) return { send: false, wait: false, reason: 'the recipient was deleted' };
  if (person.emailIsPlaceholder) return { send: false, wait: false, reason: 'the contact has only a generated placeholder email' };
  if (person.kind === 'contact' && !person.notifications)
    return { send: false, wait: false, reason: "the contact's notifications flag is off" };
  const setting = EMPLOYEE_SETTING_OF[kind];
  if (person.kind === 'employee' && setting && settings && !settings[setting]) {
    return { send: false, wait: false, reason: 'the employee turned these notifications off' };
  }
  return { send: true };
}
