// docker-compose.yml validated offline (`docker-compose config`, no engine needed): the default setup and the `ha`
// profile with its three-node NATS cluster. Skipped, with a message, where docker-compose is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const repoRoot = path.resolve(__dirname, '..');
const composeAvailable = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
if (!composeAvailable) console.warn('docker-compose is not installed: skipping the validation of docker-compose.yml');

const BACKEND = ['gateway', 'identity', 'permissions', 'directory', 'workflow', 'inquiries', 'integrations'];

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  profiles?: string[];
}

/** `docker-compose config` as JSON-able YAML, with only the given variables set (not the test run's NATS_URL). */
function composeConfig(args: string[], env: Record<string, string> = {}): { services: Record<string, ComposeService> } {
  const output = execFileSync('docker-compose', ['-f', 'docker-compose.yml', ...args, 'config'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parse(output) as { services: Record<string, ComposeService> };
}

(composeAvailable ? describe : describe.skip)('docker-compose.yml', () => {
  it('is valid, and runs one NATS server without the ha profile', () => {
    const { services } = composeConfig([]);
    // `config` lists every service; `up` starts those of the active profiles only.
    const started = Object.keys(services).filter((name) => !services[name].profiles?.length);
    expect(started.sort()).toEqual(['nats', 'postgres', ...BACKEND].sort());
    expect(services.nats.command).toEqual(['-c', '/etc/nats/nats.conf', '-js', '-sd', '/data']);
    for (const name of BACKEND)
      expect(services[name].environment).toMatchObject({ NATS_URL: 'nats://nats:4222', NATS_STREAM_REPLICAS: '1' });
  });

  it('with deploy/nats/ha.env: three NATS nodes in one cluster, every process told about all three, 3 stream replicas', () => {
    const { services } = composeConfig(['--env-file', 'deploy/nats/ha.env']);
    const nodes = ['nats', 'nats-2', 'nats-3'];
    for (const node of nodes) {
      expect(services[node].command).toEqual(['-c', '/etc/nats/nats-cluster.conf', '-js', '-sd', '/data']);
      expect(services[node].environment).toMatchObject({ SERVER_NAME: node });
    }
    const clusterConfig = readFileSync(path.join(repoRoot, 'deploy/nats/nats-cluster.conf'), 'utf8');
    for (const node of nodes) expect(clusterConfig).toContain(`nats://${node}:6222`);
    for (const name of BACKEND) {
      expect(services[name].environment).toMatchObject({
        NATS_URL: nodes.map((node) => `nats://${node}:4222`).join(','),
        NATS_STREAM_REPLICAS: '3',
      });
    }
  });

  it('starts the extra NATS nodes only with the ha profile', () => {
    const { services } = composeConfig(['--profile', 'ha']);
    expect(services['nats-2'].profiles).toEqual(['ha']);
    expect(services['nats-3'].profiles).toEqual(['ha']);
  });

  it('refuses a broken file (the validation can fail)', () => {
    const broken = spawnSync('docker-compose', ['-f', '-', 'config', '-q'], {
      cwd: repoRoot,
      input: 'services:\n  nats:\n    image: nats\n    depends_on: [missing]\n',
      encoding: 'utf8',
    });
    expect(broken.status).not.toBe(0);
  });
});
