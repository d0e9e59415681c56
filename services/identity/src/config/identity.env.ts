import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { IsProductionSecret, ServiceEnv } from '@warden/service-kit';

/** Identity's own settings, validated once at start-up. */
export class IdentityEnv extends ServiceEnv {
  /** HMAC secret shared with the gateway, which verifies the access tokens identity signs. */
  @IsString() @MinLength(32) @IsProductionSecret() JWT_SECRET!: string;
  @IsInt() @Min(30) @Max(86_400) ACCESS_TOKEN_TTL_SECONDS: number = 900;
  @IsInt() @Min(1) @Max(365) REFRESH_TOKEN_TTL_DAYS: number = 30;
  /** A person without a heartbeat for this long is marked offline. */
  @IsInt() @Min(3) @Max(86_400) PRESENCE_TIMEOUT_SECONDS: number = 90;
}

export const IDENTITY_ENV = Symbol('IDENTITY_ENV');
