import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** Where the document's component schemas live for Ajv: `#/components/schemas/X` becomes `${SCHEMA_BASE}X`. */
const SCHEMA_BASE = 'https://warden.invalid/components/schemas/';

interface Route {
  template: string;
  pattern: RegExp;
  /** Path parameters: fewer first, so `/inquiries/reception/me` wins over `/inquiries/reception/{personId}`. */
  parameters: number;
}

/**
 * An OpenAPI 3.0 schema as strict JSON Schema: `nullable` becomes "or null" (Ajv's own `nullable` would not
 * cover `allOf` or `enum`), and an object listing its properties allows no others, so an answer carrying a
 * field the document does not declare fails as much as one missing a declared field.
 */
function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, example: _example, ...rest } = schema as Json;
  const converted: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    converted[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Json).map(([name, inner]) => [name, strictSchema(inner)]))
        : strictSchema(value);
  }
  if (converted.properties && converted.additionalProperties === undefined) converted.additionalProperties = false;
  if (typeof converted.$ref === 'string') converted.$ref = converted.$ref.replace('#/components/schemas/', SCHEMA_BASE);
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

/**
 * Checks an answer of the gateway against what its OpenAPI document declares for that route and status:
 * the status must be documented, the media type must be one the response lists, and a JSON body must
 * validate against the declared schema. Answers on paths or methods the document does not describe
 * (/metrics, /docs, the router's own 404) are not checked.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    this.ajv = new Ajv({ allErrors: true, strict: true, keywords: ['x-required-right', 'x-public'] });
    addFormats(this.ajv, ['date-time', 'date', 'uuid', 'email', 'uri']);
    const components = (document.components as Json | undefined) ?? {};
    for (const [name, schema] of Object.entries((components.schemas as Json | undefined) ?? {})) {
      this.ajv.addSchema({ ...(strictSchema(schema) as Json), $id: `${SCHEMA_BASE}${name}` });
    }
    this.routes = Object.keys(document.paths as Json)
      .map((template) => {
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
        return { template, pattern: new RegExp(`^${source}$`), parameters: (template.match(/\{/g) ?? []).length };
      })
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** Every way the answer differs from the document; empty when it matches. */
  check(method: string, url: string, status: number, contentType: string | null, body: unknown): string[] {
    const path = new URL(url, 'http://gateway').pathname;
    const route = this.routes.find((candidate) => candidate.pattern.test(path));
    if (!route) return [];
    const operation = ((this.document.paths as Json)[route.template] as Json)[method.toLowerCase()] as Json | undefined;
    const where = `${method.toUpperCase()} ${route.template} → ${status}`;
    // A method the path does not have is refused before any route runs (the router's 404/405): not a route's answer.
    if (!operation) return [];
    const responses = operation.responses as Record<string, Json>;
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    if (!response) return [`${where}: status not documented (documented: ${Object.keys(responses).join(', ')})`];
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
    const content = (response.content as Record<string, Json> | undefined) ?? {};
    if (mediaType === null || body === null || body === '') return [];
    if (!content[mediaType]) return [`${where}: answered ${mediaType}, the document lists ${Object.keys(content).join(', ') || 'no body'}`];
    if (!mediaType.endsWith('json')) return [];
    const schema = content[mediaType].schema;
    if (!schema) return [`${where}: no schema for ${mediaType}`];
    const validate = this.validatorFor(`${where} ${mediaType}`, schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${where}: body${error.instancePath} ${error.message ?? 'invalid'} ${JSON.stringify(error.params)}`,
    );
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(strictSchema(schema) as Json);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
