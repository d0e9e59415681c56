import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { busPermissions, RPC_CALLS } from './bus-access';
import { SERVICE_NAMES } from './subjects';

const servicesDir = path.resolve(__dirname, '../../../services');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [file] : [];
  });
}

describe('who may call whom on the bus', () => {
  it.each(SERVICE_NAMES)('RPC_CALLS lists every service %s requests in its sources (NATS refuses the others)', (service) => {
    const called = new Set(
      sources(path.join(servicesDir, service, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\.request\(\s*'([a-z]+)\./g)].map((match) => match[1]!),
      ),
    );
    expect([...called].filter((target) => !RPC_CALLS[service].includes(target as never))).toEqual([]);
  });

  it('gives the integrator no rpc and no event subject to publish', () => {
    const { integrator } = busPermissions('');
    expect(integrator.publish.allow.filter((subject) => !subject.startsWith('$JS.'))).toEqual([]);
    expect(integrator.subscribe.allow).toEqual(['_INBOX.>']);
    expect(integrator.allow_responses).toBeUndefined();
  });
});
