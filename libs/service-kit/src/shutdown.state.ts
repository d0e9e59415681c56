import { Injectable } from '@nestjs/common';
import type { INestApplicationContext, OnModuleDestroy } from '@nestjs/common';

/**
 * Whether this process is shutting down. Readiness reads it, so an orchestrator stops sending new work before
 * anything closes. Set by shutDownGracefully, and at the latest by the first shutdown hook of app.close().
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private since: number | null = null;

  get shuttingDown(): boolean {
    return this.since !== null;
  }

  begin(): void {
    this.since ??= Date.now();
  }

  onModuleDestroy(): void {
    this.begin();
  }
}

export interface GracefulShutdownOptions {
  /**
   * How long readiness answers "not ready" before the process stops taking work: time for a load balancer or
   * a Kubernetes Service to take it out of rotation. 0 on a developer machine.
   */
  drainDelayMs?: number;
  log?: (message: string) => void;
}

/**
 * Readiness goes false first, then, after the drain delay, app.close(): the HTTP server stops accepting and
 * finishes the requests in flight, the NATS server unsubscribes and answers what it took (DrainingNatsServer),
 * the outbox relay finishes its batch, and only then connections close.
 */
export async function shutDownGracefully(app: INestApplicationContext, options: GracefulShutdownOptions = {}): Promise<void> {
  app.get(ShutdownState, { strict: false }).begin();
  if (options.drainDelayMs) await new Promise((resolve) => setTimeout(resolve, options.drainDelayMs));
  await app.close();
}

/**
 * Replaces Nest's enableShutdownHooks: SIGTERM/SIGINT run shutDownGracefully once and exit 0; a second signal,
 * or a shutdown that takes longer than `forceAfterMs`, exits at once (non-zero).
 */
export function closeOnSignals(
  app: INestApplicationContext,
  // flush: after the app closed, e.g. the spans not exported yet.
  options: GracefulShutdownOptions & { forceAfterMs?: number; flush?: () => Promise<void> } = {},
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      options.log?.(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    options.log?.(`${signal}: shutting down gracefully`);
    setTimeout(() => {
      options.log?.('graceful shutdown took too long: exiting');
      process.exit(1);
    }, options.forceAfterMs ?? 30_000).unref();
    shutDownGracefully(app, options)
      .then(() => options.flush?.().catch(() => undefined))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          options.log?.(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, onSignal);
}
