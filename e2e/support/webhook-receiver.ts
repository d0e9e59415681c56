import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; subject: string; tenantid: string; data: any };
  /** The path and query the request was sent to (endpoints of one receiver differ by query). */
  url: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A webhook receiver as an integrator would run it: a plain HTTP server on a free local port recording every
 * request. `answer` decides the status of each one (e.g. 500 the first time, 200 afterwards).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (request: ReceivedWebhook, index: number) => number = () => 200;
  /** How long the receiver takes before it answers. */
  delayMs = 0;
  /** Requests being answered right now, by webhook-id; `mostInFlight` is the highest count any id reached. */
  private readonly inFlight = new Map<string, number>();
  mostInFlight = 0;
  private server!: Server;
  private port = 0;

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    receiver.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const received: ReceivedWebhook = { headers: request.headers, body, event: JSON.parse(body), url: request.url ?? '', status: 0 };
        const id = String(request.headers['webhook-id']);
        const inFlight = (receiver.inFlight.get(id) ?? 0) + 1;
        receiver.inFlight.set(id, inFlight);
        receiver.mostInFlight = Math.max(receiver.mostInFlight, inFlight);
        setTimeout(() => {
          receiver.inFlight.set(id, (receiver.inFlight.get(id) ?? 1) - 1);
          const index = receiver.received.push(received) - 1;
          received.status = receiver.answer(received, index);
          response.statusCode = received.status;
          response.end('ok');
        }, receiver.delayMs);
      });
    });
    await receiver.listen();
    return receiver;
  }

  /** Listens again on the same port after `stop()`: the receiver was down for a while. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** Successful requests only (what the receiver accepted), in arrival order. */
  accepted(): ReceivedWebhook[] {
    return this.received.filter((request) => request.status >= 200 && request.status < 300);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Verifies a request with the published Standard Webhooks library; throws when the signature does not match. */
export function verifyWebhook(secret: string, request: ReceivedWebhook): unknown {
  return new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });
}
