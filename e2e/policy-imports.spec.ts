// The lint rule of eslint.config.mjs that keeps `*.policy.ts` files pure (no framework, database or bus code), shown
// to fire. ESLint runs in a child process: its flat config is an ES module, which Jest's CommonJS runtime cannot load.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');

interface Linted {
  filePath: string;
  restricted: string[];
}

/** Lints in-memory sources as if they were the given files; answers the `no-restricted-imports` messages of each. */
function lint(files: Record<string, string>): Linted[] {
  const MARK = 'LINTED:';
  // The Nx boundaries rule may print a warning to stdout (no cached project graph): the answer follows the mark.
  const script = `
    import { ESLint } from 'eslint';
    const MARK = ${JSON.stringify(MARK)};
    const eslint = new ESLint({ cwd: process.cwd() });
    const files = JSON.parse(process.env.LINT_FILES);
    const out = [];
    for (const [filePath, text] of Object.entries(files)) {
      const [result] = await eslint.lintText(text, { filePath });
      out.push({ filePath, restricted: result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message) });
    }
    process.stdout.write('\\n' + MARK + JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { ...process.env, NX_DAEMON: 'false', LINT_FILES: JSON.stringify(files) },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout.slice(run.stdout.lastIndexOf(MARK) + MARK.length)) as Linted[];
}

describe('*.policy.ts files import no framework or database code', () => {
  it('refuses Nest, TypeORM, pg, NATS and the wiring libraries in a policy, and allows kernel and contracts', () => {
    const impure = [
      "import { Injectable } from '@nestjs/common';",
      "import type { EntityManager } from 'typeorm';",
      "import { Pool } from 'pg';",
      "import { connect } from '@nats-io/transport-node';",
      "import { OutboxWriter } from '@warden/messaging';",
      "import { Transactions } from '@warden/persistence';",
      "import { ServiceHost } from '@warden/service-kit';",
      'export const used: unknown[] = [Injectable, Pool, connect, OutboxWriter, Transactions, ServiceHost];',
      'export type Manager = EntityManager;',
    ].join('\n');
    const pure = [
      "import { DomainError } from '@warden/kernel';",
      "import type { DecisionStep } from '@warden/contracts';",
      "export const fail = (step: DecisionStep): DomainError => DomainError.invalid('STATUS.UNKNOWN', step.kind, 'no');",
    ].join('\n');

    const [policy, service, purePolicy] = lint({
      'services/workflow/src/orders/probe.policy.ts': impure,
      'services/workflow/src/orders/probe.service.ts': impure,
      'services/workflow/src/orders/probe-pure.policy.ts': pure,
    });

    expect(policy!.restricted).toHaveLength(7);
    for (const name of [
      '@nestjs/common',
      'typeorm',
      'pg',
      '@nats-io/transport-node',
      '@warden/messaging',
      '@warden/persistence',
      '@warden/service-kit',
    ]) {
      expect(policy!.restricted.some((message) => message.startsWith(`'${name}' import is restricted`))).toBe(true);
    }
    expect(service!.restricted).toEqual([]);
    expect(purePolicy!.restricted).toEqual([]);
  }, 60_000);
});
