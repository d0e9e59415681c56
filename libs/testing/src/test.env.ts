/** The settings a test run was given by tools/test.mjs (database, NATS namespace, secrets). */
export interface TestEnv {
  databaseUrl: string;
  natsUrl: string;
  subjectPrefix: string;
  jwtSecret: string;
}

export function testEnv(): TestEnv {
  const databaseUrl = process.env.DATABASE_URL;
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  if (!databaseUrl || !process.env.NATS_SUBJECT_PREFIX) {
    throw new Error('Run the tests with `npm test` (tools/test.mjs prepares a database and a NATS namespace)');
  }
  return {
    databaseUrl,
    natsUrl,
    subjectPrefix: process.env.NATS_SUBJECT_PREFIX,
    jwtSecret: process.env.JWT_SECRET ?? 'test-secret-test-secret-test-secret-0000',
  };
}
