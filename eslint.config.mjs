// Lint: TypeScript rules plus Nx module boundaries. The boundaries are the architecture:
// a service never imports another service, libs never import services, `kernel` imports nothing of
// ours and `contracts` only `kernel` (so any service, integrator or tool can depend on the contracts);
// `metrics` (one registry per application, shared by service-kit, messaging and the gateway) imports nothing of ours either.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const depConstraints = [
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'lib:kernel', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'lib:metrics', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'lib:contracts', onlyDependOnLibsWithTags: ['lib:kernel'] },
  { sourceTag: 'lib:client', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:service'] },
];

/** Only the e2e project may start applications in-process (it boots the whole product for its tests). */
const APPLICATION_ENTRY_POINTS = ['gateway', 'identity', 'permissions', 'directory', 'workflow', 'inquiries', 'integrations'].map(
  (name) => `@warden/${name}`,
);

/**
 * A `*.policy.ts` file is a pure rule: facts in, a decision out, unit-tested without a container or a database.
 * Loading facts, transactions and wiring belong beside it (`*.service.ts`, `*.repository.ts`, `*.rule.ts`).
 * Shown to fire by e2e/policy-imports.spec.ts.
 */
const FRAMEWORK_AND_DATABASE_IMPORTS = [
  { group: ['@nestjs/*'], message: 'A policy is a pure rule: no Nest in *.policy.ts; wire it from a service or a rule class.' },
  { group: ['typeorm', 'typeorm/*', 'pg', 'pg/*'], message: 'A policy is a pure rule: load its facts in a repository and pass them in.' },
  { group: ['@nats-io/*'], message: 'A policy is a pure rule: no bus access in *.policy.ts.' },
  {
    group: ['@warden/messaging', '@warden/persistence', '@warden/service-kit'],
    message: 'A policy is a pure rule: only @warden/kernel and @warden/contracts (and other policies) may be imported.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.nx/**', 'coverage/**', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'e2e/**/*.ts', 'libs/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.policy.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: FRAMEWORK_AND_DATABASE_IMPORTS }] },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: APPLICATION_ENTRY_POINTS, depConstraints }],
    },
  },
);
