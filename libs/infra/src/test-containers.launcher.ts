import type { InfrastructureLog } from './infrastructure.types';

export interface ContainerHandle {
  url: string;
  stop(): Promise<void>;
}

/** A throw-away PostgreSQL container; the URL is the superuser's `postgres` database, like the local default. */
export async function startPostgresContainer(log: InfrastructureLog): Promise<ContainerHandle> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  log('starting a PostgreSQL container (testcontainers)');
  const container = await new PostgreSqlContainer('postgres:18')
    .withUsername('postgres')
    .withPassword('postgres')
    .withDatabase('postgres')
    .start();
  return { url: container.getConnectionUri(), stop: async () => void (await container.stop()) };
}

/**
 * A throw-away NATS container with JetStream and the given configuration (users and permissions). A GenericContainer rather than @testcontainers/nats: that module
 * always sets a user and password, and the NATS client ignores credentials written in a NATS_URL.
 */
export async function startNatsContainer(log: InfrastructureLog, config: string): Promise<ContainerHandle> {
  const { GenericContainer, Wait } = await import('testcontainers');
  log('starting a NATS container (testcontainers)');
  const container = await new GenericContainer('nats:2.11')
    .withCopyContentToContainer([{ content: config, target: '/etc/nats/warden.conf' }])
    .withCommand(['-c', '/etc/nats/warden.conf', '-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  return {
    url: `nats://${container.getHost()}:${container.getMappedPort(4222)}`,
    stop: async () => void (await container.stop()),
  };
}
