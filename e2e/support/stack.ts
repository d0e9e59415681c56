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

export const ALL_SERVICES: ServiceDefinition[] = [
  IDENTITY_SERVICE,
  PERMISSIONS_SERVICE,
  DIRECTORY_SERVICE,
  WORKFLOW_SERVICE,
  INQUIRIES_SERVICE,
  INTEGRATIONS_SERVICE,
];

/** The environment tools/test.mjs prepared for this run (database, NATS namespace), validated like a real start. */
export function serviceEnv(overrides: Partial<ServiceEnv> = {}): ServiceEnv {
  return Object.assign(loadEnv(ServiceEnv), overrides);
}

export function gatewayEnv(overrides: Partial<GatewayEnv> = {}): GatewayEnv {
  return Object.assign(new GatewayEnv(), serviceEnv(), { PORT: 0, HOST: '127.0.0.1', JWT_SECRET: testEnv().jwtSecret }, overrides);
}

export interface StackOptions {
  gateway?: Partial<GatewayEnv>;
  services?: ServiceDefinition[];
  serviceEnv?: Partial<ServiceEnv>;
  /**
   * Instances of every service and gateways, all on the same database and NATS (default 1). With more than one,
   * `http` sends each request to the next gateway in turn, as a load balancer would.
   */
  replicas?: number;
}

/**
 * The whole product in this process: every service on the real bus and database, and the gateway
 * listening on a free port. Tests talk to it over HTTP only, as a frontend would.
 */
export class Stack {
  /** Every running instance of each service, by name (one each unless started with `replicas`). */
  readonly instances = new Map<string, INestMicroservice[]>();
  readonly gateways: NestFastifyApplication[] = [];
  /** One client per gateway, in start order, for a step that must land on a given one. */
  readonly gatewayHttp: HttpClient[] = [];
  http!: HttpClient;

  /** Settings every service of this stack gets on top of the run's environment (e.g. METRICS_PORT). */
  constructor(
    private readonly serviceOverrides: Partial<ServiceEnv> = {},
    readonly replicas = 1,
  ) {}

  static async start(options: StackOptions = {}): Promise<Stack> {
    const stack = new Stack(options.serviceEnv, options.replicas ?? 1);
    for (const definition of options.services ?? ALL_SERVICES) await stack.startService(definition);
    // Replicas start side by side, as a rollout starts them.
    const gateways = await Promise.all(
      Array.from({ length: stack.replicas }, async () => {
        const gateway = await createGatewayApp(gatewayEnv(options.gateway));
        await gateway.listen({ port: 0, host: '127.0.0.1' });
        return gateway;
      }),
    );
    for (const gateway of gateways) {
      const address = gateway.getHttpServer().address();
      stack.gateways.push(gateway);
      stack.gatewayHttp.push(new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`));
    }
    stack.http = stack.replicas === 1 ? stack.gatewayHttp[0]! : new HttpClient(stack.gatewayHttp.map((client) => client.baseUrl));
    // Every answer of every e2e test is checked against the document the gateway serves: a drift fails.
    // (A stack started with the docs turned off, as production by default, serves none to check against.)
    const document = await stack.http.get('/docs-json');
    if (document.status === 200) {
      const validator = new OpenApiResponseValidator(document.body);
      for (const client of new Set([stack.http, ...stack.gatewayHttp])) client.checkResponsesWith(validator);
    }
    return stack;
  }

  /** The first gateway. */
  get gateway(): NestFastifyApplication {
    return this.gateways[0]!;
  }

  /** The first instance of each service, by name. */
  get services(): ReadonlyMap<string, INestMicroservice> {
    return new Map([...this.instances].map(([name, [first]]) => [name, first!]));
  }

  /** Starts the stack's number of instances of one service. */
  async startService(definition: ServiceDefinition): Promise<void> {
    const started = await Promise.all(
      Array.from({ length: this.replicas }, () => startService(definition, serviceEnv(this.serviceOverrides))),
    );
    this.instances.set(definition.name, started);
  }

  /** Stops every instance of one service (e.g. to show that the gateway fails closed without permissions). */
  async stopService(name: string): Promise<void> {
    for (const instance of this.instances.get(name) ?? []) await instance.close();
    this.instances.delete(name);
  }

  async stop(): Promise<void> {
    for (const gateway of this.gateways) await gateway.close();
    for (const name of [...this.instances.keys()].reverse()) await this.stopService(name);
  }
}
