import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { generateAsyncApi, RIGHTS } from '@warden/contracts';
import { documentIdempotencyKey } from '../idempotency/idempotency.openapi';

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

export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Warden API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  documentIdempotencyKey(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  const asyncApi = generateAsyncApi();
  app.getHttpAdapter().get('/docs/asyncapi.json', (_request: unknown, reply: { send(body: unknown): void }) => reply.send(asyncApi));
}
