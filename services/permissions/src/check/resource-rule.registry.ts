import { Inject, Injectable, Optional } from '@nestjs/common';
import { RESOURCE_RULES } from './resource-rule';
import type { ResourceRule } from './resource-rule';

/** The resource rules the check consults, one per resource type. */
@Injectable()
export class ResourceRuleRegistry {
  private readonly rules = new Map<string, ResourceRule>();

  constructor(@Optional() @Inject(RESOURCE_RULES) initial?: ResourceRule[]) {
    for (const rule of initial ?? []) this.register(rule);
  }

  register(rule: ResourceRule): void {
    if (this.rules.has(rule.resourceType)) throw new Error(`Two resource rules for '${rule.resourceType}'`);
    this.rules.set(rule.resourceType, rule);
  }

  ruleFor(resourceType: string): ResourceRule | undefined {
    return this.rules.get(resourceType);
  }

  get types(): string[] {
    return [...this.rules.keys()];
  }
}
