import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isResourceAction, rightsNeeded } from './resource-actions';
import { isRight } from './rights';

const gatewayDir = path.resolve(__dirname, '../../../services/gateway/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [file] : [];
  });
}

describe('actions the gateway asks about', () => {
  it('are rights of the catalog or resource actions with their right (the check refuses any other as unknown)', () => {
    const asked = new Set(
      sources(gatewayDir).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/access\.(?:require|decide)\([^,]+,[^,]+,\s*'([a-z.-]+)'/g)].map((match) => match[1]!),
      ),
    );
    expect(asked.size).toBeGreaterThan(5);
    expect([...asked].filter((action) => !isRight(action) && !isResourceAction(action))).toEqual([]);
  });
});

describe('the rights an action needs', () => {
  it('a right alone is itself', () => {
    expect(rightsNeeded('orders.update', false)).toEqual(['orders.update']);
    expect(rightsNeeded('orders.read', true)).toEqual(['orders.read']);
  });

  it("acting on an existing order needs seeing it too, after the action's own right (as the gateway reads it before acting)", () => {
    expect(rightsNeeded('orders.update', true)).toEqual(['orders.update', 'orders.read']);
    expect(rightsNeeded('orders.transfer', true)).toEqual(['orders.transfer', 'orders.read']);
  });

  it('a resource action needs its catalog right', () => {
    expect(rightsNeeded('task.change-status', true)).toEqual(['tasks.read']);
    expect(rightsNeeded('equipment.read', true)).toEqual(['auth.login']);
  });

  it('anything else is unknown', () => {
    expect(rightsNeeded('orders.delete', true)).toBeNull();
    expect(rightsNeeded('toString', false)).toBeNull();
  });
});
