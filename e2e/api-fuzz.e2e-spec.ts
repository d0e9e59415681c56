import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { operationsOf, Random, RequestGenerator } from './support/openapi-fuzzer';
import type { FuzzOperation, FuzzRequest, OpenApiDocument } from './support/openapi-fuzzer';
import { Stack } from './support/stack';

/**
 * Every operation of the gateway's own OpenAPI document, called with valid and broken requests, as an
 * administrator and anonymously: no answer may be a 5xx, and every refusal is a problem document.
 * `npm test` sends FUZZ_REQUESTS (300) with a fixed seed; `npm run fuzz -- --requests N [--seed S]`
 * sends more with a new seed. The seed is printed: FUZZ_SEED=<seed> replays the same requests.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const REQUEST_TIMEOUT_MS = 15_000;

interface Failure {
  index: number;
  as: string;
  request: FuzzRequest;
  status: number | string;
  answer: string;
}

describe('schema-driven fuzzing of the API', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let document: OpenApiDocument;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'fuzz');
    document = (await stack.http.get<OpenApiDocument>('/docs-json')).body;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function send(request: FuzzRequest): Promise<{ status: number; contentType: string; text: string }> {
    const response = await fetch(`${stack.http.baseUrl}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const contentType = response.headers.get('content-type') ?? '';
    // An event stream that opened is an answer; its body never ends.
    if (contentType.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, contentType, text: '' };
    }
    return { status: response.status, contentType, text: await response.text() };
  }

  it(`answers ${REQUESTS} generated requests without a 5xx (seed ${SEED})`, async () => {
    process.stdout.write(`[fuzz] seed ${SEED}, ${REQUESTS} requests (replay: FUZZ_SEED=${SEED} FUZZ_REQUESTS=${REQUESTS})\n`);
    const random = new Random(SEED);
    // The administrator's own id is spared: deleting or demoting them would leave the rest of the run signed out.
    const generator = new RequestGenerator(document, random, new Set([tenant.adminId, tenant.tenantId]));
    const operations = operationsOf(document);
    // The session's own logout would end the administrator's session for the requests after it.
    const anonymousOnly = (operation: FuzzOperation) => operation.path === '/api/v1/auth/logout';
    expect(operations.length).toBeGreaterThan(50);

    const statuses = new Map<number, number>();
    const failures: Failure[] = [];
    for (let index = 0; index < REQUESTS; index++) {
      const operation = operations[index % operations.length];
      const anonymous = anonymousOnly(operation) || random.chance(1 / 3);
      const request = generator.request(operation, anonymous ? undefined : tenant.adminToken);
      const as = anonymous ? 'anonymous' : 'admin';
      try {
        const answer = await send(request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status < 300 && answer.contentType.startsWith('application/json')) generator.learnIds(JSON.parse(answer.text));
        const problem = answer.status < 400 || answer.contentType.startsWith('application/problem+json');
        if (answer.status >= 500 || !problem)
          failures.push({ index, as, request, status: answer.status, answer: answer.text.slice(0, 300) });
      } catch (error) {
        failures.push({ index, as, request, status: 'no answer', answer: String(error) });
      }
    }
    process.stdout.write(`[fuzz] statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}\n`);
    const report = failures.map(
      ({ index, as, request, status, answer }) =>
        `#${index} ${as} ${request.method} ${request.url.slice(0, 200)} [${request.mutation}] ${request.headers['content-type'] ?? ''} ` +
        `${(request.body ?? '').slice(0, 200)} -> ${status} ${answer}`,
    );
    expect({ seed: SEED, failures: report }).toEqual({ seed: SEED, failures: [] });
  }, 600_000);
});
