import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceEnv } from '@warden/service-kit';

export class GatewayEnv extends ServiceEnv {
  @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsString() HOST: string = '0.0.0.0';
  /** HMAC secret shared with identity, which signs the access tokens the gateway verifies. */
  @IsString() @MinLength(32) JWT_SECRET!: string;
  /** In production, `POST /api/v1/tenants` requires `Authorization: Bearer <this>`. */
  @IsOptional() @IsString() @MinLength(16) TENANT_SIGNUP_TOKEN?: string;
  /** `off` makes every request ask the permissions service (benchmarks, debugging). */
  @IsIn(['on', 'off']) DECISION_CACHE: 'on' | 'off' = 'on';
  /** Upper bound on a cached decision's life; policy-change events normally drop it much sooner. */
  @IsInt() @Min(0) DECISION_CACHE_TTL_MS: number = 60_000;
  @IsInt() @Min(100) BUS_TIMEOUT_MS: number = 5000;
}

export const GATEWAY_ENV = Symbol('GATEWAY_ENV');
