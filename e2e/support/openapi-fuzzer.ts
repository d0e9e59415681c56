/**
 * A small schema-driven request generator: from the gateway's own OpenAPI document it builds valid
 * requests for every operation and breaks them in the ways clients and attackers do. Deterministic
 * for a seed, so a failing request can be replayed.
 */

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
}

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
}

export interface FuzzOperation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  body?: Schema;
  bodyRequired: boolean;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** What was broken, for the failure report. */
  mutation: string;
}

/** mulberry32: tiny, fast and the same sequence for the same seed on every machine. */
export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${this.pick(['8', '9', 'a', 'b'])}${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content?.['application/json'];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        query: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required ?? false,
            schema: parameter.schema ?? { type: 'string' },
          })),
        body: json?.schema,
        bodyRequired: operation.requestBody?.required ?? false,
      });
    }
  }
  return operations;
}

/** Values that break a string field: each one has made some server answer 500 somewhere. */
const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '',
  ' ',
  'x'.repeat(100_000),
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '\u202e\u200b',
  '0',
  '-1',
  'null',
  'NaN',
  '1e309',
  '9'.repeat(40),
  '2026-02-30T25:61:61Z',
];
const NASTY_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [null], { $gt: '' }, 'string'];
const BAD_IDS = [
  'not-a-uuid',
  '0',
  '-1',
  '00000000-0000-0000-0000-00000000000g',
  '%00',
  '%ED%A0%80',
  "1'%20OR%20'1'='1",
  'x'.repeat(90),
  '..%2F..%2Fadmin',
];
const ODD_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/jsonx',
  '',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_IDS_KEPT = 500;

export class RequestGenerator {
  /** Ids seen in earlier answers: path parameters use them, so requests reach past "not found". */
  private readonly knownIds: string[] = [];

  constructor(
    private readonly document: OpenApiDocument,
    private readonly random: Random,
    private readonly spareIds: ReadonlySet<string> = new Set(),
  ) {}

  /** Remembers the ids in an answer (any `id` / `<something>Id` field), except the ones to spare (the caller's own). */
  learnIds(answer: unknown, depth = 0): void {
    if (depth > 8 || !answer || typeof answer !== 'object') return;
    for (const [key, value] of Object.entries(answer)) {
      if (
        typeof value === 'string' &&
        (key === 'id' || key.endsWith('Id')) &&
        UUID.test(value) &&
        !this.spareIds.has(value) &&
        !this.knownIds.includes(value)
      ) {
        this.knownIds.push(value);
        if (this.knownIds.length > KNOWN_IDS_KEPT) this.knownIds.shift();
      } else {
        this.learnIds(value, depth + 1);
      }
    }
  }

  private pathId(): string {
    return this.knownIds.length > 0 && this.random.chance(0.6) ? this.random.pick(this.knownIds) : this.random.uuid();
  }

  private resolve(schema: Schema, seen = 0): Schema {
    if (seen > 20) return {};
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      return this.resolve(this.document.components?.schemas?.[name] ?? {}, seen + 1);
    }
    if (schema.allOf) {
      return schema.allOf.reduce<Schema>((merged, part) => {
        const resolved = this.resolve(part, seen + 1);
        return {
          ...merged,
          ...resolved,
          properties: { ...merged.properties, ...resolved.properties },
          required: [...(merged.required ?? []), ...(resolved.required ?? [])],
        };
      }, {});
    }
    if (schema.oneOf ?? schema.anyOf) return this.resolve(this.random.pick((schema.oneOf ?? schema.anyOf)!), seen + 1);
    return schema;
  }

  /** A value the schema allows (as far as a schema can say: cross-field rules may still refuse it). */
  valid(schemaOrRef: Schema, depth = 0): unknown {
    const schema = this.resolve(schemaOrRef);
    if (schema.enum?.length) return this.random.pick(schema.enum);
    const type = Array.isArray(schema.type) ? schema.type.find((candidate) => candidate !== 'null') : schema.type;
    switch (type ?? (schema.properties ? 'object' : 'string')) {
      case 'integer': {
        const min = schema.minimum ?? 0;
        return this.random.int(min, Math.min(schema.maximum ?? min + 100, min + 1000));
      }
      case 'number':
        return (schema.minimum ?? 0) + this.random.next() * 10;
      case 'boolean':
        return this.random.chance(0.5);
      case 'array': {
        if (depth > 6) return [];
        const count = this.random.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3));
        return Array.from({ length: count }, () => this.valid(schema.items ?? { type: 'string' }, depth + 1));
      }
      case 'object': {
        const value: Record<string, unknown> = {};
        if (depth > 6) return value;
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          if (schema.required?.includes(name) || this.random.chance(0.5)) value[name] = this.valid(property, depth + 1);
        }
        return value;
      }
      default:
        return this.string(schema);
    }
  }

  private string(schema: Schema): string {
    switch (schema.format) {
      case 'uuid':
        return this.pathId();
      case 'email':
        return `fuzz${this.random.int(0, 99_999)}@example.test`;
      case 'date-time':
        return new Date(Date.UTC(2026, this.random.int(0, 11), this.random.int(1, 28), this.random.int(0, 23))).toISOString();
      case 'date':
        return `2026-0${this.random.int(1, 9)}-1${this.random.int(0, 9)}`;
      case 'uri':
        return `https://example.test/${this.random.int(0, 999)}`;
      default: {
        const min = schema.minLength ?? 1;
        const length = Math.max(min, Math.min(schema.maxLength ?? 12, min + 12));
        return Array.from({ length }, () => this.random.pick('abcdefghijklmnopqrstuvwxyz0123456789'.split(''))).join('');
      }
    }
  }

  /** Every path into a value where a string or another value could be put (`["levels", 0, "level"]`). */
  private leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return value.flatMap((item, index) => this.leaves(item, [...path, index]));
    if (value && typeof value === 'object')
      return [path, ...Object.entries(value).flatMap(([key, item]) => this.leaves(item, [...path, key]))].filter((leaf) => leaf.length > 0);
    return [path];
  }

  private replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
    if (path.length === 0) return replacement;
    const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
    copy[path[0]] = this.replaceAt(copy[path[0]], path.slice(1), replacement);
    return copy;
  }

  /** One request for the operation: valid about a third of the time, else broken in one way. */
  request(operation: FuzzOperation, token: string | undefined): FuzzRequest {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const mutations = [
      'valid',
      'valid',
      'valid',
      'bad-id',
      'query',
      'wrong-type',
      'missing-required',
      'nasty-string',
      'deep',
      'content-type',
      'malformed',
      'empty',
      'unknown-field',
    ];
    const mutation = this.random.pick(mutations);

    let path = operation.path;
    for (const name of operation.pathParams) {
      const id = mutation === 'bad-id' && this.random.chance(0.7) ? this.random.pick(BAD_IDS) : this.pathId();
      path = path.replace(`{${name}}`, id);
    }

    const query = new URLSearchParams();
    for (const parameter of operation.query) {
      if (parameter.required || this.random.chance(0.3)) query.append(parameter.name, String(this.valid(parameter.schema)));
    }
    if (mutation === 'query' && operation.query.length > 0) {
      const parameter = this.random.pick(operation.query);
      const broken = this.random.pick([...NASTY_STRINGS.filter((nasty) => nasty.length < 5000), 'x'.repeat(5000), '[object Object]']);
      query.set(parameter.name, broken);
      if (this.random.chance(0.3)) query.append(parameter.name, 'again');
    }
    let queryText = query.toString();
    if (mutation === 'query' && this.random.chance(0.3))
      queryText += `${queryText ? '&' : ''}${this.random.pick(['%00=1', 'a=%ED%A0%80', 'limit=%FF', '__proto__[x]=1', 'a[b][c]=1'])}`;
    const url = queryText ? `${path}?${queryText}` : path;

    if (!operation.body && !['content-type', 'malformed', 'empty'].includes(mutation))
      return { method: operation.method, url, headers, mutation };

    let body: unknown = operation.body ? this.valid(operation.body) : {};
    const leaves = this.leaves(body);
    switch (mutation) {
      case 'wrong-type':
        if (leaves.length) body = this.replaceAt(body, this.random.pick(leaves), this.random.pick(NASTY_VALUES));
        else body = this.random.pick(NASTY_VALUES);
        break;
      case 'missing-required': {
        const schema = operation.body ? this.resolve(operation.body) : {};
        const required = schema.required ?? [];
        if (required.length && body && typeof body === 'object') delete (body as Record<string, unknown>)[this.random.pick(required)];
        break;
      }
      case 'nasty-string':
        body = this.replaceAt(body, leaves.length ? this.random.pick(leaves) : [], this.random.pick(NASTY_STRINGS));
        break;
      case 'unknown-field':
        if (body && typeof body === 'object' && !Array.isArray(body))
          body = { ...(body as object), [this.random.pick(['__proto__x', 'constructor', 'tenantId', 'id', '\u0000', 'x'.repeat(300)])]: 1 };
        break;
    }
    let text = JSON.stringify(body);
    if (mutation === 'deep') {
      const depth = this.random.pick([33, 200, 2000, 10_000]);
      const deep = this.random.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      text = leaves.length ? JSON.stringify(this.replaceAt(body, this.random.pick(leaves), '__DEEP__')).replace('"__DEEP__"', deep) : deep;
    }
    if (mutation === 'malformed')
      text = this.random.pick([
        '{',
        '{"a":}',
        "{'a':1}",
        '{"a":1}}',
        'nul',
        '\u0000',
        '{"a":"\\x"}',
        '[1,]',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{}}}',
      ]);
    if (mutation === 'empty') text = '';
    headers['content-type'] = mutation === 'content-type' ? this.random.pick(ODD_CONTENT_TYPES) : 'application/json';
    if (headers['content-type'] === '') delete headers['content-type'];
    return { method: operation.method, url, headers, body: text, mutation };
  }
}
