import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEPLOYED_NATS_AUTH_FILES, renderDeployedNatsAuthConfig, renderNatsAuthConfig } from './nats-auth.config';
import { findRepoRoot } from './infrastructure.discovery';

describe('NATS users and permissions in configuration files', () => {
  it.each(DEPLOYED_NATS_AUTH_FILES)('%s is what busPermissions says (else run `npm run nats:config`)', (file) => {
    expect(readFileSync(path.join(findRepoRoot(), file), 'utf8')).toBe(renderDeployedNatsAuthConfig());
  });

  it('puts every subject and stream name under the subject prefix, for test runs sharing one server', () => {
    const config = renderNatsAuthConfig('test_x', () => '"p"');
    expect(config).toContain('"test_x.rpc.workflow.>"');
    expect(config).toContain('"$JS.API.STREAM.INFO.WARDEN_EVENTS_test_x"');
    expect(config).not.toMatch(/"rpc\./);
    expect(config).not.toMatch(/WARDEN_EVENTS"|WARDEN_EVENTS\./);
  });
});
