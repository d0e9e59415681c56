import { readFileSync } from 'node:fs';
import { credsAuthenticator, nkeyAuthenticator } from '@nats-io/transport-node';
import type { ConnectionOptions } from '@nats-io/transport-node';

/**
 * Where a process finds its NATS credentials, first match wins: NATS_USER + NATS_PASSWORD, a `.creds` file
 * (NATS_CREDS, JWT + nkey), an nkey seed (NATS_NKEY_SEED), or NATS_CREDENTIALS_FILE, the JSON file `npm test`
 * generates for its own nats-server (`{"users": {"<user>": "<password>"}}`), from which the process takes the
 * user named after itself: the e2e stack runs every service in one process, each with its own user.
 */
export interface NatsAuthEnv {
  NATS_USER?: string;
  NATS_PASSWORD?: string;
  NATS_CREDS?: string;
  NATS_NKEY_SEED?: string;
  NATS_CREDENTIALS_FILE?: string;
}

export type NatsAuthOptions = Pick<ConnectionOptions, 'user' | 'pass' | 'authenticator'>;

export function natsAuthOptions(env: NatsAuthEnv, user: string): NatsAuthOptions {
  if (env.NATS_USER) return { user: env.NATS_USER, pass: env.NATS_PASSWORD ?? '' };
  if (env.NATS_CREDS) return { authenticator: credsAuthenticator(readFileSync(env.NATS_CREDS)) };
  if (env.NATS_NKEY_SEED) return { authenticator: nkeyAuthenticator(new TextEncoder().encode(env.NATS_NKEY_SEED.trim())) };
  if (env.NATS_CREDENTIALS_FILE) {
    const file = JSON.parse(readFileSync(env.NATS_CREDENTIALS_FILE, 'utf8')) as { users?: Record<string, string> };
    const pass = file.users?.[user];
    if (pass === undefined) throw new Error(`${env.NATS_CREDENTIALS_FILE} holds no NATS user "${user}"`);
    return { user, pass };
  }
  return {};
}
