import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { TargetAddressPolicy } from './target-address.policy';

/** A delivery that takes longer than this counts as failed (and is retried). */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Only the start of a receiver's answer is read, for the delivery log. */
const RESPONSE_LIMIT_BYTES = 4096;

export interface SendOutcome {
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
}

export interface SignedMessage {
  id: string;
  body: string;
  /** Every secret that signs (the current one, and the previous one during its grace period after a rotation). */
  secrets: string[];
}

/** The Standard Webhooks headers: one `v1,<base64 HMAC-SHA256>` per secret, space-separated. */
export function signatureHeaders(message: SignedMessage, now: Date): Record<string, string> {
  const signatures = message.secrets.map((secret) => new Webhook(secret).sign(message.id, now, message.body));
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

function readLimited(response: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let received = 0;
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > RESPONSE_LIMIT_BYTES) response.destroy();
    });
    response.on('end', resolve);
    response.on('close', resolve);
    response.on('error', () => resolve());
  });
}

/**
 * POSTs one signed CloudEvent. Connects to the address the policy approved (no second lookup an attacker's DNS
 * could answer differently), follows no redirect (a 3xx is a failure like any non-2xx), gives up after 10 s.
 */
export async function sendWebhook(
  url: string,
  message: SignedMessage,
  policy: TargetAddressPolicy,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<SendOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await policy.resolve(url);
  } catch (error) {
    return { statusCode: null, error: error instanceof Error ? error.message : String(error), latencyMs: latency() };
  }
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const parsed = new URL(url);
  const send = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = Buffer.from(message.body, 'utf8');
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    let answered: number | null = null;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      resolve({ statusCode, error, latencyMs: latency() });
    };
    const req = send(
      parsed,
      {
        method: 'POST',
        lookup: pinned,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/cloudevents+json',
          'content-length': String(body.length),
          'user-agent': 'Warden-Webhooks/1',
          ...signatureHeaders(message, new Date()),
        },
      },
      (response) => {
        answered = response.statusCode ?? null;
        void readLimited(response).then(() => finish(answered, null));
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => finish(null, error.message));
    req.on('close', () => {
      clearTimeout(deadline);
      finish(answered, answered === null ? 'connection closed without an answer' : null);
    });
    req.end(body);
  });
}
