import { Client } from 'pg';

/** The same connection URL with another database name (credentials, host, port and parameters are kept). */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/**
 * Creates database `name` on the server `url` points to, unless it exists. Connects to the server's `postgres`
 * maintenance database, because the database `url` names may be the missing one. Returns true if it created it.
 */
export async function createDatabaseIfMissing(url: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } catch (error) {
    // 42P04 duplicate_database: another process created it between our check and our CREATE.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end();
  }
}
