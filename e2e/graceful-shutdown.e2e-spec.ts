import { Client } from 'pg';
import { shutDownGracefully, startService } from '@warden/service-kit';
import { eventually, testEnv } from '@warden/testing';
import { WORKFLOW_SERVICE } from '@warden/workflow';
import { serviceEnv, Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/**
 * Holds the workflow service's `workflows` table locked, so a request that reads it is in flight for as long as the
 * test wants, and says when such a request is actually waiting on the lock.
 */
class TableLock {
  private readonly client = new Client({ connectionString: testEnv().databaseUrl });

  async take(): Promise<void> {
    await this.client.connect();
    await this.client.query('BEGIN');
    await this.client.query('LOCK TABLE workflow.workflows IN ACCESS EXCLUSIVE MODE');
  }

  async waitForBlockedQuery(): Promise<void> {
    await eventually(async () => {
      const { rows } = await this.client.query(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = 'warden-workflow' AND wait_event_type = 'Lock' AND datname = current_database()`,
      );
      if (rows.length === 0) throw new Error('no workflow query waiting on the lock yet');
    });
  }

  async release(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

describe('graceful shutdown', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let lock: TableLock | undefined;

  beforeEach(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'gs');
    // Warm the decision cache and the workflow service's pool, so only the locked read is left in flight.
    expect((await stack.http.get('/api/v1/workflows', tenant.adminToken)).status).toBe(200);
  });

  afterEach(async () => {
    await lock?.release();
    lock = undefined;
    await stack?.stop().catch(() => undefined);
  });

  it('the gateway answers not-ready first, then finishes the request in flight before it closes', async () => {
    lock = new TableLock();
    await lock.take();
    const inFlight = stack.http.get('/api/v1/workflows', tenant.adminToken);
    await lock.waitForBlockedQuery();

    const closing = shutDownGracefully(stack.gateway, { drainDelayMs: 1500 });
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.shutdown).toMatchObject({ status: 'down' });
    expect(ready.body.details.nats.status).toBe('up');

    await new Promise((resolve) => setTimeout(resolve, 2000)); // the HTTP server is closing now
    await lock.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body[0].statuses.length).toBeGreaterThan(0);
    const started = Date.now();
    await closing;
    // Keep-alive connections are closed with their last answer, not left to time out.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a service stops taking requests, answers the ones it took, then closes', async () => {
    // A second workflow replica takes the requests the closing one no longer takes.
    const replica = await startService(WORKFLOW_SERVICE, serviceEnv());
    try {
      lock = new TableLock();
      await lock.take();
      const inFlight = stack.http.get('/api/v1/workflows', tenant.adminToken);
      await lock.waitForBlockedQuery();

      // Close both replicas' intake: whichever took the request must still answer it.
      const closing = Promise.all([stack.stopService('workflow'), replica.close()]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await lock.release();
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body[0].statuses.length).toBeGreaterThan(0);
      await closing;

      // Nothing listens any more: a new request is refused at once rather than taken and dropped.
      expect((await stack.http.get('/api/v1/workflows', tenant.adminToken)).status).toBe(503);
    } finally {
      await replica.close().catch(() => undefined);
    }
  });
});
