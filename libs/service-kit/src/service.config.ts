import { IsIn, IsOptional, IsString } from 'class-validator';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** Settings every service reads; service-specific settings live in the service's own config class. */
export class ServiceEnv {
  @IsString() DATABASE_URL: string = DEFAULT_DATABASE_URL;
  @IsString() NATS_URL: string = DEFAULT_NATS_URL;
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';
  @IsOptional() @IsString() NATS_SUBJECT_PREFIX?: string;
}

export const SERVICE_ENV = Symbol('SERVICE_ENV');
