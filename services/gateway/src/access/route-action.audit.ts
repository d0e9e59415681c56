import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACTION_KEY, PUBLIC_KEY } from '../auth/route-metadata';

const PATH_METADATA = 'path';

/** Refuses to start the gateway while any route declares neither an action nor @Public(). */
@Injectable()
export class RouteActionAudit implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as () => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, instance.constructor];
        const declared = this.reflector.getAllAndOverride(ACTION_KEY, targets) ?? this.reflector.getAllAndOverride(PUBLIC_KEY, targets);
        if (!declared) undeclared.push(`${instance.constructor.name}.${name}`);
      }
    }
    if (undeclared.length > 0) {
      throw new Error(`Routes without a declared action (add @Action(...) or @Public(...)): ${undeclared.join(', ')}`);
    }
  }
}
