import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { createTenant } from '../staff.fixtures';
import { Stack } from '../support/stack';
import { walkThrough } from './client-walkthrough.program';

const repoRoot = path.resolve(__dirname, '../..');
const CLIENT_DOCUMENT = path.join(repoRoot, 'libs/client/openapi.json');
const CLIENT_TYPES = path.join(repoRoot, 'libs/client/src/warden-api.d.ts');
const PROGRAM = path.join(__dirname, 'client-walkthrough.program.ts');
const PASSWORD = 'correct-horse-battery';

type Json = Record<string, any>;

/** Runs a package's CLI with this Node, offline: telemetry and update checks off. */
function runCli(packageName: string, bin: string, args: string[], cwd: string) {
  const cli = path.join(path.dirname(require.resolve(`${packageName}/package.json`)), bin);
  return spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
}

/** Every schema object of the document, with where it is. */
function* schemas(value: unknown, at: string): Generator<[string, Json]> {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* schemas(item, `${at}/${index}`);
    return;
  }
  const object = value as Json;
  if ('type' in object || 'nullable' in object || '$ref' in object || 'allOf' in object) yield [at, object];
  for (const [key, inner] of Object.entries(object)) yield* schemas(inner, `${at}/${key}`);
}

describe('the OpenAPI document, as the generators frontend teams use read it', () => {
  let stack: Stack;
  let documentText: string;
  let document: Json;
  let dir: string;

  beforeAll(async () => {
    stack = await Stack.start();
    const served = await stack.http.get('/docs-json');
    document = served.body;
    documentText = `${JSON.stringify(document, null, 2)}\n`;
    dir = mkdtempSync(path.join(tmpdir(), 'warden-openapi-'));
    writeFileSync(path.join(dir, 'openapi.json'), documentText);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes @redocly/cli lint with its recommended rules without an error', () => {
    const lint = runCli('@redocly/cli', 'bin/cli.js', ['lint', 'openapi.json', '--format=json'], dir);
    const report = JSON.parse(lint.stdout) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; message: string }[];
    };
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(lint.status).toBe(0);
  });

  it('gives every operation a summary, a description, its security and documented headers', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: expect.any(String), description: expect.any(String) })]);
    const incomplete: string[] = [];
    for (const [route, item] of Object.entries(document.paths as Json)) {
      for (const [method, operation] of Object.entries(item as Json)) {
        const where = `${method.toUpperCase()} ${route}`;
        if (!operation.summary || !operation.description) incomplete.push(`${where}: summary/description`);
        if (!Array.isArray(operation.security)) incomplete.push(`${where}: security`);
        for (const [status, response] of Object.entries(operation.responses as Json)) {
          if (!response.headers?.['X-Request-Id']) incomplete.push(`${where} ${status}: X-Request-Id`);
          if ((status === '503' || status === '429') && !response.headers?.['Retry-After'])
            incomplete.push(`${where} ${status}: Retry-After`);
        }
      }
    }
    expect(incomplete).toEqual([]);
    expect(document.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(document.paths['/api/v1/orders/{id}'].get.responses['200'].headers.ETag).toBeDefined();
  });

  it('lists the refusals a route can answer with their problem codes, body parsing included', () => {
    const changeStatus = document.paths['/api/v1/orders/{id}/status'].post.responses;
    expect(Object.keys(changeStatus)).toEqual(['200', '400', '401', '403', '404', '409', '413', '414', '415', '422', '431', '503']);
    expect(changeStatus['409']['x-problem-codes']).toEqual(['ORDER.VERSION_MISMATCH', 'ORDER.ALREADY_IN_STATUS', 'ORDER.STATUS_MOVED']);
    expect(changeStatus['403']['x-problem-codes']).toEqual(
      expect.arrayContaining(['RIGHT.NOT_GRANTED', 'STATUS.NO_SET_ON_TARGET', 'ORDER.CLOSED_LOCKED']),
    );
    expect(changeStatus['422'].description).toContain('`REQUEST.INVALID`');
    // A route without a body is refused a bad URL (400), never a body it did not ask for.
    const read = document.paths['/api/v1/orders/{id}'].get.responses;
    expect(read['400'].description).toContain('URL');
    expect([read['413'], read['415']]).toEqual([undefined, undefined]);
  });

  it('declares a real type for every property: nullable scalars keep their type, counts are integers, no shapeless objects', () => {
    const vague: string[] = [];
    // The gateway's own schemas and parameters (the health probes' bodies are @nestjs/terminus's).
    for (const [at, schema] of [...schemas(document.components, '#/components'), ...schemas(document.paths, '#/paths')].filter(
      ([at]) => !at.startsWith('#/paths//health'),
    )) {
      if (schema.type === 'number') vague.push(`${at}: number (integers say integer)`);
      if (schema.type === 'object' && !schema.properties && !schema.additionalProperties && !schema.allOf && !schema.$ref)
        vague.push(`${at}: object without a shape`);
      if (schema.nullable && !schema.type && !schema.allOf && !schema.$ref) vague.push(`${at}: nullable without a type`);
    }
    expect(vague).toEqual([]);
    const createOrder = document.components.schemas.CreateOrderRequestDto.properties;
    expect(createOrder.responsibleId).toMatchObject({ type: 'string', format: 'uuid', nullable: true });
    expect(document.components.schemas.OrderTransitionResponseDto.required).toEqual(
      expect.arrayContaining(['statusId', 'name', 'category', 'color', 'current', 'allowed', 'code', 'reason']),
    );
  });

  it('is the document libs/client was generated from (npm run client:generate)', () => {
    expect(readFileSync(CLIENT_DOCUMENT, 'utf8')).toBe(documentText);
    const generated = runCli('openapi-typescript', 'bin/cli.js', ['openapi.json', '--output', 'warden-api.d.ts'], dir);
    expect(generated.stderr).not.toMatch(/error/i);
    expect(generated.status).toBe(0);
    expect(readFileSync(path.join(dir, 'warden-api.d.ts'), 'utf8')).toBe(readFileSync(CLIENT_TYPES, 'utf8'));
  });

  it('types a strict program through openapi-typescript + openapi-fetch: it compiles against the live document', () => {
    runCli('openapi-typescript', 'bin/cli.js', ['openapi.json', '--output', 'live-api.d.ts'], dir);
    const liveTypes = readFileSync(path.join(dir, 'live-api.d.ts'), 'utf8');
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(repoRoot, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (!config) throw new Error('cannot read tsconfig.json');
    const options: ts.CompilerOptions = {
      ...config.options,
      strict: true,
      noEmit: true,
      noUnusedLocals: true,
      exactOptionalPropertyTypes: false,
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    // The client's types as generated from the document the gateway serves right now, not the committed ones.
    host.readFile = (file) => (path.resolve(file) === CLIENT_TYPES ? liveTypes : readFile(file));
    const program = ts.createProgram([PROGRAM], options, host);
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('runs that program against the stack: sign in, an order with a responsible employee and a department, a status change with If-Match, transitions, list', async () => {
    const tenant = await createTenant(stack, 'cl');
    const result = await walkThrough({ baseUrl: stack.http.baseUrl, tenant: tenant.slug, email: tenant.adminEmail, password: PASSWORD });
    expect(result.created).toMatchObject({
      responsibleId: result.responsibleId,
      departmentId: result.departmentId,
      clientRef: null,
      version: 1,
    });
    expect(result.etag).toBe('"1"');
    expect(result.moved.version).toBe(2);
    expect(result.moved.status.id).not.toBe(result.created.status.id);
    const current = result.transitions.transitions.filter((transition) => transition.current);
    expect(current.map((transition) => transition.statusId)).toEqual([result.moved.status.id]);
    expect(result.listed.items.map((order) => order.id)).toEqual([result.created.id]);
    expect(result.listed.total).toBe(1);
  });
});
