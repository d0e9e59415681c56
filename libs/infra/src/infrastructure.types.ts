/** Why infrastructure is wanted: `start` keeps data between runs, `test` prefers throw-away instances. */
export type InfrastructurePurpose = 'start' | 'test';

/** Receives one human-readable line per notable step (what was found, what was started). */
export type InfrastructureLog = (message: string) => void;

export interface DiscoverInfrastructureOptions {
  purpose: InfrastructurePurpose;
  /** Where `start` keeps Postgres and NATS data. Defaults to `<repo>/.data` (git-ignored). */
  dataDir?: string;
  log?: InfrastructureLog;
  /** Environment to read DATABASE_URL / NATS_URL from. Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface Infrastructure {
  databaseUrl: string;
  natsUrl: string;
  /**
   * The credentials file of the nats-server discovery started with users and permissions (NATS_URL unset); hand
   * it to processes as NATS_CREDENTIALS_FILE. Undefined with NATS_URL: credentials then come from the environment.
   */
  natsCredentialsFile?: string;
  /** What discovery started itself (empty when everything was already running). */
  started: readonly string[];
  /** Stops whatever discovery started, in reverse order, and nothing else. Safe to call twice. */
  stop(): Promise<void>;
}

/** Something a launcher started and therefore has to stop again. */
export interface StartedResource {
  description: string;
  /** Housekeeping (a temporary directory) rather than a server: not listed in Infrastructure.started. */
  housekeeping?: boolean;
  stop(): Promise<void>;
}
