import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsProductionSecret, loadEnv } from '@warden/service-kit';
import { RETRY_SCHEDULE_PATTERN } from '../config/integrations.env';

/** A development-only key; production refuses to start without its own NOTIFICATION_TOKEN_SECRET. */
const DEVELOPMENT_TOKEN_SECRET = 'development-only-notification-token-secret-change-me';

/** Settings of email notifications (SMTP, sender, links, retries). */
export class NotificationsEnv {
  @IsString() NODE_ENV: string = 'development';
  /** `smtp://user:pass@host:587` or `smtps://…`; unset or empty, nothing is sent and each notification fails saying so. */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  @IsString() MAIL_FROM: string = 'Warden <notifications@warden.localhost>';
  /** Where the gateway is reached from outside: the base of the unsubscribe link in every email. */
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' }) PUBLIC_BASE_URL: string = 'http://localhost:3000';
  /** Signs unsubscribe links (HMAC-SHA256); changing it invalidates the links of emails already sent. */
  @IsProductionSecret() @IsString() NOTIFICATION_TOKEN_SECRET: string = DEVELOPMENT_TOKEN_SECRET;
  /** The waits before the 2nd, 3rd, … attempt of a notification the SMTP server did not accept. */
  @Matches(RETRY_SCHEDULE_PATTERN, { message: 'must be durations such as 1m,5m,30m,2h,6h' })
  NOTIFICATION_RETRY_SCHEDULE: string = '1m,5m,30m,2h,6h';
}

export const NOTIFICATIONS_ENV = Symbol('NOTIFICATIONS_ENV');

export function loadNotificationsEnv(): NotificationsEnv {
  return loadEnv(NotificationsEnv);
}
