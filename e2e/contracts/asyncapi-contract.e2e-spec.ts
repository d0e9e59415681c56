import { Parser } from '@asyncapi/parser';
import { EVENT_CONTRACTS } from '@warden/contracts';
import { Stack } from '../support/stack';

describe('the AsyncAPI document, as integrators read it', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ services: [] });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('parses with @asyncapi/parser without errors or warnings, one message per event type the product sends', async () => {
    const served = await stack.http.get('/docs/asyncapi.json');
    expect(served.status).toBe(200);
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(served.body));
    // Severity 0 is an error, 1 a warning.
    expect(diagnostics.filter((diagnostic) => diagnostic.severity <= 1).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message} at ${diagnostic.path.join('/')}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.servers().all().map((server) => server.protocol())).toEqual(['nats']);
    expect(document!.operations().all().map((operation) => operation.action())).toEqual(EVENT_CONTRACTS.map(() => 'send'));
    const statusChanged = document!.messages().all().find((message) => message.name() === 'workflow.order.status-changed.v1');
    expect(statusChanged?.contentType()).toBe('application/cloudevents+json');
    expect(statusChanged?.payload()?.required()).toEqual(['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'tenantid', 'data']);
  });
});
