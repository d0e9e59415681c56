import { Injectable } from '@nestjs/common';
import type { ResourceRule } from './resource-rule';

/** The resource rules the check consults, one per resource type (the list: ../resource-rules.ts). */
@Injectable()
export class ResourceRuleRegistry {
  private readonly rules = new Map<string, ResourceRule>();

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
