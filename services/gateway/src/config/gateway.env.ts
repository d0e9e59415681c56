import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { IsProductionSecret, ServiceEnv } from '@warden/service-kit';

/** Comma-separated origins (`https://app.example.com,http://localhost:5173`), or nothing. */
const ORIGIN_LIST = /^\s*$|^\s*https?:\/\/[^/,\s]+\s*(,\s*https?:\/\/[^/,\s]+\s*)*$/;
/** `off`, a hop count, or comma-separated addresses / CIDR ranges of the proxies in front of the gateway. */
const PROXY_SETTING = /^\s*$|^(off|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/;

export class GatewayEnv extends ServiceEnv {
  @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsString() HOST: string = '0.0.0.0';
  /** HMAC secret shared with identity, which signs the access tokens the gateway verifies. */
  @IsString() @MinLength(32) @IsProductionSecret() JWT_SECRET!: string;
  /** In production, `POST /api/v1/tenants` requires `Authorization: Bearer <this>`. */
  @IsOptional() @IsString() @MinLength(16) @IsProductionSecret() TENANT_SIGNUP_TOKEN?: string;
  /** `off` makes every request ask the permissions service (benchmarks, debugging). */
  @IsIn(['on', 'off']) DECISION_CACHE: 'on' | 'off' = 'on';
  /** Upper bound on a cached decision's life; policy-change events normally drop it much sooner. */
  @IsInt() @Min(0) DECISION_CACHE_TTL_MS: number = 60_000;
  @IsInt() @Min(100) BUS_TIMEOUT_MS: number = 5000;
  /** Browser origins allowed to call the API (CORS); empty: no CORS headers at all. */
  @IsString()
  @Matches(ORIGIN_LIST, { message: 'CORS_ORIGINS must be comma-separated origins such as https://app.example.com' })
  CORS_ORIGINS: string = '';
  /**
   * Which X-Forwarded-For hops to believe for the client address (the sign-in limit per address):
   * off (default: the connecting address), a hop count, or the proxies' addresses / CIDR ranges.
   */
  @IsString()
  @Matches(PROXY_SETTING, { message: 'TRUST_PROXY must be off, a hop count or comma-separated proxy addresses / CIDR ranges' })
  TRUST_PROXY: string = 'off';
  /** `/docs` (Swagger UI and the OpenAPI document): on outside production, in production only with `true`. */
  @IsOptional() @IsIn(['true', 'false', '']) DOCS_ENABLED?: string;
}

export const GATEWAY_ENV = Symbol('GATEWAY_ENV');

export function corsOrigins(env: GatewayEnv): string[] {
  return env.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/** Fastify's `trustProxy`: false, a hop count, or the trusted proxy addresses (never `true`, which believes anyone). */
export function trustProxy(env: GatewayEnv): false | string[] | ((address: string, hop: number) => boolean) {
  const value = env.TRUST_PROXY.trim();
  if (value === '' || value === 'off' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops === 0 ? false : (_address, hop) => hop < hops;
  }
  return value.split(',').map((address) => address.trim());
}

export function docsEnabled(env: GatewayEnv): boolean {
  return env.DOCS_ENABLED === 'true' || (env.NODE_ENV !== 'production' && env.DOCS_ENABLED !== 'false');
}
