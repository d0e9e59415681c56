import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsProductionSecret, loadEnv } from '@warden/service-kit';

/** `5s,5m,30m,2h`: the waits before the 2nd, 3rd, … attempt of a delivery. */
export const RETRY_SCHEDULE_PATTERN = /^\s*\d+(ms|s|m|h|d)\s*(,\s*\d+(ms|s|m|h|d)\s*)*$/;

/** A development-only key; production refuses to start without its own WEBHOOK_SECRETS_KEY. */
const DEVELOPMENT_SECRETS_KEY = 'development-only-webhook-secrets-key-change-me';

const booleanOrUnset = () =>
  Transform(({ obj, key }) => {
    const raw = (obj as Record<string, unknown>)[key];
    if (raw === undefined || raw === '') return undefined;
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  });

/** Settings of the integrations service only (the common ones are in ServiceEnv). */
export class IntegrationsEnv {
  @IsString() NODE_ENV: string = 'development';
  /** Retries of a failing delivery; the sum is the window after which a never-succeeding endpoint is disabled. */
  @Matches(RETRY_SCHEDULE_PATTERN, { message: 'must be durations such as 5s,5m,30m,2h,5h,10h,10h' })
  WEBHOOK_RETRY_SCHEDULE: string = '5s,5m,30m,2h,5h,10h,10h';
  /** Deliver to loopback, private, link-local and metadata addresses (and over plain http). Default: only outside production. */
  @booleanOrUnset() @IsOptional() @IsBoolean() WEBHOOK_ALLOW_PRIVATE_TARGETS?: boolean;
  /** Encrypts the signing secrets at rest (AES-256-GCM with a key derived from it). */
  @IsProductionSecret() @IsString() WEBHOOK_SECRETS_KEY: string = DEVELOPMENT_SECRETS_KEY;
  /** How long the delivery log (finished deliveries, and the copies of events no delivery needs) is kept. */
  @Matches(/^\s*\d+(ms|s|m|h|d)\s*$/, { message: 'must be a duration such as 30d' })
  WEBHOOK_LOG_RETENTION: string = '30d';
  /** Keys the secrets were encrypted under before (comma-separated): still read, re-encrypted at start-up. */
  @IsOptional() @IsString() WEBHOOK_SECRETS_KEY_PREVIOUS?: string;

  get previousSecretsKeys(): string[] {
    return (this.WEBHOOK_SECRETS_KEY_PREVIOUS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean);
  }
  /** Days an audit entry is kept (services/integrations/src/audit/audit-retention.task.ts). */
  @IsInt() @Min(1) @Max(36500) AUDIT_RETENTION_DAYS: number = 365;

  get allowPrivateTargets(): boolean {
    return this.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? this.NODE_ENV !== 'production';
  }
}

export const INTEGRATIONS_ENV = Symbol('INTEGRATIONS_ENV');

export function loadIntegrationsEnv(): IntegrationsEnv {
  return loadEnv(IntegrationsEnv);
}
