import { ServiceEnv } from '@warden/service-kit';
import { testEnv } from './test.env';

/** The environment a service started by a test gets: this run's database and NATS namespace. */
export function serviceTestEnv(overrides: Partial<ServiceEnv> = {}): ServiceEnv {
  const env = testEnv();
  return Object.assign(new ServiceEnv(), {
    DATABASE_URL: env.databaseUrl,
    NATS_URL: env.natsUrl,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    NATS_SUBJECT_PREFIX: env.subjectPrefix,
    ...overrides,
  });
}
