import { spawn } from 'node:child_process';
import path from 'node:path';
import { natsAuthOptions } from '@warden/infra';
import { testEnv } from '@warden/testing';
import { createOrder, createOrdersTenant, moveOrder } from '../orders.fixtures';
import type { OrdersTenant } from '../orders.fixtures';
import { Stack } from '../support/stack';

const CONSUMER = path.resolve(__dirname, '../../examples/order-status-consumer.mjs');

/** The example connects as an integrator does: the `integrator` NATS user of this run. */
function integratorCredentials(): Record<string, string> {
  const auth = natsAuthOptions(process.env, 'integrator');
  return 'user' in auth && auth.user ? { NATS_USER: auth.user, NATS_PASSWORD: String(auth.pass ?? '') } : {};
}

/** Runs the README's example consumer as an integrator would and returns the events it printed. */
function runConsumer(env: Record<string, string>): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CONSUMER], {
      env: {
        ...process.env,
        NATS_URL: testEnv().natsUrl,
        NATS_SUBJECT_PREFIX: testEnv().subjectPrefix,
        ...integratorCredentials(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`consumer exited with ${code}: ${stderr}`));
      else
        resolve(
          stdout
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Record<string, unknown>),
        );
    });
  });
}

describe('the integrator example (examples/order-status-consumer.mjs)', () => {
  let stack: Stack;
  let tenant: OrdersTenant;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'ig');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('reads order status changes with a durable consumer, acknowledges them and resumes where it stopped', async () => {
    const order = await createOrder(stack, tenant.adminToken);
    const moves = ['New', 'Diagnostics', 'In repair'];
    let version = order.version;
    for (const name of moves) {
      const moved = await moveOrder(stack, tenant.adminToken, order.id, tenant.status[name]!, version);
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    const env = { CONSUMER_NAME: `integration-${tenant.slug}`, WARDEN_TENANT_ID: tenant.tenantId };

    const first = await runConsumer({ ...env, MAX_EVENTS: '2' });
    expect(first.map((event) => event.to)).toEqual(['New', 'Diagnostics']);
    expect(first[0]).toMatchObject({ orderId: order.id, number: order.number, from: order.status.name });

    // A second run under the same durable name goes on after the last acknowledged event: nothing twice.
    const second = await runConsumer({ ...env, MAX_EVENTS: '1' });
    expect(second.map((event) => event.to)).toEqual(['In repair']);
    expect(new Set([...first, ...second].map((event) => event.id)).size).toBe(3);
  }, 90_000);
});
