import type { INestMicroservice } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnv, ServiceEnv, startService } from '@warden/service-kit';
import type { ServiceDefinition } from '@warden/service-kit';
import { HttpClient, OpenApiResponseValidator, testEnv } from '@warden/testing';
import { createGatewayApp, GatewayEnv } from '@warden/gateway';
import { DIRECTORY_SERVICE } from '@warden/directory';
import { IDENTITY_SERVICE } from '@warden/identity';
import { INQUIRIES_SERVICE } from '@warden/inquiries';
import { INTEGRATIONS_SERVICE } from '@warden/integrations';
import { PERMISSIONS_SERVICE } from '@warden/permissions';
import { WORKFLOW_SERVICE } from '@warden/workflow';

export const ALL_SERVICES: ServiceDefinition[] = [IDENTITY_SERVICE, PERMISSIONS_SERVICE, DIRECTORY_SERVICE, WORKFLOW_SERVICE, INQUIRIES_SERVICE, INTEGRATIONS_SERVICE];

/** The environment tools/test.mjs prepared for this run (database, NATS namespace), validated like a real start. */
export function serviceEnv(overrides: Partial<ServiceEnv> = {}): ServiceEnv {
  return Object.assign(loadEnv(ServiceEnv), overrides);
}

export function gatewayEnv(overrides: Partial<GatewayEnv> = {}): GatewayEnv {
  return Object.assign(new GatewayEnv(), serviceEnv(), { PORT: 0, HOST: '127.0.0.1', JWT_SECRET: testEnv().jwtSecret }, overrides);
}

/**
 * The whole product in this process: every service on the real bus and database, and the gateway
 * listening on a free port. Tests talk to it over HTTP only, as a frontend would.
 */
export class Stack {
  readonly services = new Map<string, INestMicroservice>();
  gateway!: NestFastifyApplication;
  http!: HttpClient;

  /** Settings every service of this stack gets on top of the run's environment (e.g. METRICS_PORT). */
  constructor(private readonly serviceOverrides: Partial<ServiceEnv> = {}) {}

  static async start(
    options: { gateway?: Partial<GatewayEnv>; services?: ServiceDefinition[]; serviceEnv?: Partial<ServiceEnv> } = {},
  ): Promise<Stack> {
    const stack = new Stack(options.serviceEnv);
    for (const definition of options.services ?? ALL_SERVICES) await stack.startService(definition);
    stack.gateway = await createGatewayApp(gatewayEnv(options.gateway));
    await stack.gateway.listen({ port: 0, host: '127.0.0.1' });
    const address = stack.gateway.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    stack.http = new HttpClient(`http://127.0.0.1:${port}`);
    // Every answer of every e2e test is checked against the document the gateway serves: a drift fails.
    // (A stack started with the docs turned off, as production by default, serves none to check against.)
    const document = await stack.http.get('/docs-json');
    if (document.status === 200) stack.http.checkResponsesWith(new OpenApiResponseValidator(document.body));
    return stack;
  }

  async startService(definition: ServiceDefinition): Promise<void> {
    this.services.set(definition.name, await startService(definition, serviceEnv(this.serviceOverrides)));
  }

  /** Stops one service (e.g. to show that the gateway fails closed without permissions). */
  async stopService(name: string): Promise<void> {
    await this.services.get(name)?.close();
    this.services.delete(name);
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
    for (const name of [...this.services.keys()].reverse()) await this.stopService(name);
  }
}
