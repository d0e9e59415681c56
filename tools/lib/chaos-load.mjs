// The traffic of `npm run chaos`: clients that each walk one order through a fixed cycle of statuses through the
// gateway, remembering every change the gateway acknowledged (200) and counting what went wrong, per fault window.
// Then the audit: the order history (the database's truth) against the acknowledged changes and against the
// events a JetStream consumer reads.
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { natsConnectOptions } from './chaos-infra.mjs';

const REQUEST_TIMEOUT_MS = 10_000;
const CYCLE = ['New', 'Diagnostics', 'In repair', 'Ready'];
const EVENT_TYPE = 'workflow.order.status-changed.v1';
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class ApiClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.token = undefined;
  }

  async call(method, path, body, headers = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: response.status, body: json };
  }

  /** Retries until a 2xx (or the deadline): for set-up and audit steps, not for the measured traffic. */
  async must(method, path, body, { timeoutMs = 60_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await this.call(method, path, body).catch((error) => ({ status: 0, body: error.message }));
      if (last.status >= 200 && last.status < 300) return last.body;
      if (last.status >= 400 && last.status < 500 && last.status !== 404 && last.status !== 429) break;
      await wait(300);
    }
    throw new Error(`${method} ${path}: ${last?.status} ${JSON.stringify(last?.body)}`);
  }
}

/** A tenant, its administrator's token, the cycle's status ids and one order per client. */
export async function prepareTenant(api, clients) {
  const slug = `chaos-${Date.now().toString(36)}`;
  const administrator = { email: `boss@${slug}.test`, password: 'chaos-password-1', firstName: 'Cha', lastName: 'Os' };
  await api.must('POST', '/api/v1/tenants', { slug, name: 'Chaos', administrator });
  const login = await api.must('POST', '/api/v1/auth/login', {
    tenant: slug,
    email: administrator.email,
    password: administrator.password,
  });
  api.token = login.accessToken;
  const me = await api.must('GET', '/api/v1/me');
  const [workflow] = await api.must('GET', '/api/v1/workflows');
  const byName = Object.fromEntries(workflow.statuses.map((status) => [status.name, status.id]));
  const cycle = CYCLE.map((name) => byName[name]);
  if (cycle.some((id) => !id)) throw new Error(`the default workflow lacks one of ${CYCLE.join(', ')}`);
  const orders = [];
  for (let i = 0; i < clients; i++) {
    const order = await api.must('POST', '/api/v1/orders', { title: `Chaos order ${i + 1}` });
    orders.push({ id: order.id, version: order.version, statusId: order.status.id });
  }
  return { tenantId: me.tenantId, slug, cycle, orders };
}

/** Where requests and their failures are counted: one window per fault, and `steady` outside them. */
export class FaultLog {
  constructor() {
    this.windows = [{ name: 'steady', requests: 0, fiveXX: {}, networkErrors: 0 }];
    this.current = this.windows[0];
  }

  open(name) {
    this.current = { name, requests: 0, fiveXX: {}, networkErrors: 0, startedAt: Date.now() };
    this.windows.push(this.current);
  }

  close() {
    this.current.endedAt = Date.now();
    this.current = this.windows[0];
  }

  /** A request counts to the fault it overlapped: the window at its end, else the one at its start. */
  count(startWindow, response) {
    const window = this.current !== this.windows[0] ? this.current : startWindow;
    window.requests += 1;
    if (response.status === 0) window.networkErrors += 1;
    else if (response.status >= 500) {
      const key = `${response.status} ${response.body?.code ?? ''}`.trim();
      window.fiveXX[key] = (window.fiveXX[key] ?? 0) + 1;
    }
  }
}

/** Runs one client per order until stop() is called; returns the acknowledged changes. */
export function startLoad(api, tenant, faults) {
  let stopped = false;
  const acked = []; // { orderId, version }
  const refresh = async (order) => {
    while (!stopped) {
      const response = await api.call('GET', `/api/v1/orders/${order.id}`).catch(() => ({ status: 0 }));
      if (response.status === 200) {
        order.version = response.body.version;
        order.statusId = response.body.status.id;
        return;
      }
      await wait(200);
    }
  };
  const client = async (order) => {
    while (!stopped) {
      const index = tenant.cycle.indexOf(order.statusId);
      const next = tenant.cycle[(index + 1) % tenant.cycle.length];
      const window = faults.current;
      const response = await api
        .call('POST', `/api/v1/orders/${order.id}/status`, { statusId: next }, { 'if-match': `"${order.version}"` })
        .catch(() => ({ status: 0 }));
      faults.count(window, response);
      if (response.status === 200) {
        acked.push({ orderId: order.id, version: response.body.version });
        order.version = response.body.version;
        order.statusId = response.body.status.id;
      } else {
        // Not acknowledged: maybe applied, maybe not. Read where the order is and go on from there.
        await refresh(order);
      }
    }
  };
  const running = Promise.all(tenant.orders.map(client));
  return {
    acked,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** Every status-changed event of the tenant in the stream, read by a consumer from the start. */
export async function readStatusEvents(natsUrl, tenantId) {
  const connection = await connect(natsConnectOptions(natsUrl));
  try {
    const manager = await jetstreamManager(connection);
    const name = `chaos_audit_${Date.now().toString(36)}`;
    await manager.consumers.add('WARDEN_EVENTS', {
      durable_name: name,
      filter_subject: EVENT_TYPE,
      deliver_policy: DeliverPolicy.All,
      ack_policy: AckPolicy.Explicit,
    });
    const consumer = await jetstream(connection).consumers.get('WARDEN_EVENTS', name);
    const events = [];
    for (;;) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 2000 });
      let got = 0;
      for await (const message of batch) {
        got += 1;
        const event = message.json();
        if (event.tenantid === tenantId) events.push(event);
        message.ack();
      }
      if (got === 0) break;
    }
    await manager.consumers.delete('WARDEN_EVENTS', name).catch(() => undefined);
    return events;
  } finally {
    await connection.close();
  }
}

/**
 * Order by order: the history's status changes are the truth. An acknowledged change the history lacks, or a
 * history entry no event reports, is missing; an event id seen twice, or a second event for the same change, is a
 * duplicate; an event that matches no change is a phantom.
 */
export function audit(tenant, histories, acked, events) {
  let missing = 0;
  let duplicates = 0;
  let phantom = 0;
  const seenIds = new Set();
  const eventsByOrder = new Map();
  for (const event of events) {
    if (seenIds.has(event.id)) {
      duplicates += 1;
      continue;
    }
    seenIds.add(event.id);
    const list = eventsByOrder.get(event.data.orderId) ?? [];
    list.push(event.data);
    eventsByOrder.set(event.data.orderId, list);
  }
  let changes = 0;
  for (const order of tenant.orders) {
    const history = histories.get(order.id).filter((entry) => entry.kind === 'status' && entry.from !== null);
    changes += history.length;
    // Each status change adds one to the version, from 1 at creation: version v is the (v - 1)th change.
    for (const ack of acked.filter((candidate) => candidate.orderId === order.id)) {
      if (ack.version - 2 >= history.length) missing += 1;
    }
    const reported = eventsByOrder.get(order.id) ?? [];
    let h = 0;
    for (const event of reported) {
      const entry = history[h];
      if (entry && entry.from.id === event.from.id && entry.to.id === event.to.id) {
        h += 1;
        continue;
      }
      const previous = history[h - 1];
      if (previous && previous.from.id === event.from.id && previous.to.id === event.to.id) duplicates += 1;
      else phantom += 1;
    }
    missing += history.length - h;
  }
  for (const orderId of eventsByOrder.keys()) {
    if (!tenant.orders.some((order) => order.id === orderId)) phantom += eventsByOrder.get(orderId).length;
  }
  return { acked: acked.length, changes, events: seenIds.size, missing, duplicates, phantom };
}
