import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** An optional variable set to the empty string (`FOO=`, compose's `${FOO:-}`) counts as unset, not as 0 or "". */
const EmptyAsUnset = () => Transform(({ obj, key, value }) => ((obj as Record<string, unknown>)[key] === '' ? undefined : value));

/** Settings every service reads; service-specific settings live in the service's own config class. */
export class ServiceEnv {
  @IsString() DATABASE_URL: string = DEFAULT_DATABASE_URL;
  /** Connections this process may open to PostgreSQL; replicas × this (+1 each for the outbox listener) must fit max_connections. */
  @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE: number = 10;
  @IsString() NATS_URL: string = DEFAULT_NATS_URL;
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';
  @IsOptional() @IsString() NATS_SUBJECT_PREFIX?: string;
  /** Replicas of the event stream and the gateway's key-value bucket when created: 3 on a three-node JetStream cluster. */
  @IsInt() @Min(1) @Max(5) NATS_STREAM_REPLICAS: number = 1;
  /** NATS credentials of this process (see natsAuthOptions in @warden/infra); one of them in any shared deployment. */
  @EmptyAsUnset() @IsOptional() @IsString() NATS_USER?: string;
  @EmptyAsUnset() @IsOptional() @IsString() NATS_PASSWORD?: string;
  @EmptyAsUnset() @IsOptional() @IsString() NATS_CREDS?: string;
  @EmptyAsUnset() @IsOptional() @IsString() NATS_NKEY_SEED?: string;
  @EmptyAsUnset() @IsOptional() @IsString() NATS_CREDENTIALS_FILE?: string;
  /** Serves `GET /metrics` (Prometheus) on this port; unset: no metrics listener. The gateway serves it on PORT instead. */
  @EmptyAsUnset() @IsOptional() @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number;
  /** When set, `/metrics` requires `Authorization: Bearer <this>`. */
  @EmptyAsUnset() @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string;
  /** On SIGTERM, how long readiness says "not ready" before the process stops taking work (load balancers catch up). */
  @IsInt() @Min(0) SHUTDOWN_DELAY_MS: number = 0;
}

export const SERVICE_ENV = Symbol('SERVICE_ENV');
