export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** The database the environment names, if any. There is no default: without it, discovery decides. */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function resolveNatsUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.NATS_URL?.trim() || DEFAULT_NATS_URL;
}

export interface HostPort {
  host: string;
  port: number;
}

/**
 * The endpoints of a NATS_URL, which may list several servers separated by commas
 * (`nats://a:4222,nats://b:4222`); a server without a scheme or port gets nats:// and 4222.
 */
export function natsEndpoints(natsUrl: string): HostPort[] {
  return natsUrl
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = new URL(entry.includes('://') ? entry : `nats://${entry}`);
      return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 4222 };
    });
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
