import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { generateAsyncApi, RIGHTS } from '@warden/contracts';
import { documentIdempotencyKey } from '../idempotency/idempotency.openapi';
import { completeOpenApiDocument } from './openapi.completion';

const RIGHTS_TABLE = Object.entries(RIGHTS)
  .map(([right, meaning]) => `| \`${right}\` | ${meaning} |`)
  .join('\n');

const DESCRIPTION = `
Who may see and change what, for every person and action of a service business.

**Authentication.** \`POST /api/v1/auth/login\` returns a short-lived bearer access token and a rotating
refresh token. Send \`Authorization: Bearer <accessToken>\` with every other call.

**Authorization.** Every route declares the right it needs (\`x-required-right\`); the gateway asks the
permissions service before the route runs and answers 403 with the reason when refused, or 503 when the
permissions service cannot answer (never a silent yes). Resources you may not see answer 404.

**Errors** are RFC 9457 problem documents (\`application/problem+json\`) with a machine-readable \`code\`
and, for bad input, \`errors: [{ field, reason }]\`.

**Pagination** is by cursor: pass the \`nextCursor\` of a page as \`cursor\` to get the next one.

**Events** are CloudEvents 1.0 on the JetStream stream \`WARDEN_EVENTS\`, subject = event type; their
AsyncAPI document is at [/docs/asyncapi.json](/docs/asyncapi.json).

### Rights
| right | meaning |
|---|---|
${RIGHTS_TABLE}
`;

/** The OpenAPI document of the gateway's routes, as /docs-json serves it and libs/client is generated from. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Warden API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurity('accessTokenQuery', {
      type: 'apiKey',
      in: 'query',
      name: 'access_token',
      description: 'The access token as a query parameter, for EventSource clients that cannot send headers',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  documentIdempotencyKey(document);
  return completeOpenApiDocument(document, {
    servers: [{ url: '/', description: 'The gateway serving this document (npm start: http://localhost:3000)' }],
  });
}

export function setUpOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  const asyncApi = generateAsyncApi();
  app.getHttpAdapter().get('/docs/asyncapi.json', (_request: unknown, reply: { send(body: unknown): void }) => reply.send(asyncApi));
}
