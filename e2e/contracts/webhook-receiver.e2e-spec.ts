import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '@warden/infra';
import { eventually } from '@warden/testing';
import { createOrder, createOrdersTenant, moveOrder } from '../orders.fixtures';
import { Stack } from '../support/stack';

const RECEIVER = path.resolve(__dirname, '../../examples/webhook-receiver.mjs');

/** The README's example receiver, run as an integrator would, with the events it printed. */
class ExampleReceiver {
  readonly lines: Array<Record<string, any>> = [];
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly url: string,
  ) {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop()!;
      for (const line of complete.filter(Boolean)) this.lines.push(JSON.parse(line));
    });
  }

  static async start(secret: string): Promise<ExampleReceiver> {
    const port = await findFreePort();
    const child = spawn(process.execPath, [RECEIVER], { env: { ...process.env, PORT: String(port), WARDEN_WEBHOOK_SECRET: secret } });
    await new Promise<void>((resolve, reject) => {
      child.stderr.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the receiver exited with ${code}`)));
    });
    return new ExampleReceiver(child, `http://127.0.0.1:${port}/warden`);
  }

  stop(): void {
    this.child.kill();
  }
}

describe('the webhook receiver example (examples/webhook-receiver.mjs)', () => {
  let stack: Stack;
  let receiver: ExampleReceiver | undefined;

  beforeAll(async () => {
    stack = await Stack.start();
  }, 120_000);

  afterAll(async () => {
    receiver?.stop();
    await stack?.stop();
  });

  it("verifies and prints an order's status changes, in order, and refuses a forged delivery", async () => {
    const tenant = await createOrdersTenant(stack, 'wr');
    // The endpoint is made first (its secret is shown once), then the receiver starts with it and the URL is set.
    const endpoint = await stack.http.postExpecting(
      '/api/v1/webhooks',
      { url: 'http://127.0.0.1:9/placeholder', eventTypes: ['workflow.order.*'], active: false },
      tenant.adminToken,
    );
    receiver = await ExampleReceiver.start(endpoint.secret);
    const patched = await stack.http.patch(`/api/v1/webhooks/${endpoint.id}`, { url: receiver.url, active: true }, tenant.adminToken);
    expect(patched.status).toBe(200);

    const order = await createOrder(stack, tenant.adminToken);
    const moved = await moveOrder(stack, tenant.adminToken, order.id, tenant.status['Diagnostics']!, order.version);
    expect(moved.status).toBe(200);
    const printed = await eventually(
      () => {
        const mine = receiver!.lines.filter((line) => line.subject === order.id);
        expect(mine.map((line) => line.type)).toEqual(['workflow.order.created.v1', 'workflow.order.status-changed.v1']);
        return mine;
      },
      { timeoutMs: 15_000 },
    );
    expect(printed[1]!.data).toMatchObject({ orderId: order.id });

    const forged = await fetch(receiver.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json',
        'webhook-id': 'forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,AAAA',
      },
      body: JSON.stringify({ type: 'workflow.order.created.v1', subject: 'forged' }),
    });
    expect(forged.status).toBe(400);
    expect(receiver.lines.some((line) => line.subject === 'forged')).toBe(false);

    // A redelivery carries the same webhook-id: the receiver prints it once.
    const log = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries`, tenant.adminToken);
    const first = log.body.items.find((delivery: any) => delivery.eventId === printed[0]!.id);
    await stack.http.postExpecting(`/api/v1/webhooks/${endpoint.id}/deliveries/${first.id}/redeliver`, {}, tenant.adminToken, 200);
    await eventually(
      async () => {
        const again = await stack.http.get(`/api/v1/webhooks/${endpoint.id}/deliveries`, tenant.adminToken);
        expect(again.body.items.find((delivery: any) => delivery.id === first.id)).toMatchObject({ status: 'delivered', attempts: 2 });
      },
      { timeoutMs: 10_000 },
    );
    expect(receiver.lines.filter((line) => line.id === printed[0]!.id)).toHaveLength(1);
  });
});
