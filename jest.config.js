// One Jest run for the whole workspace. Sources are compiled by swc (legacy decorators with metadata,
// as the build does); the ESM-only Nest and NATS packages are transformed to CommonJS for Jest's runtime.
const fs = require('node:fs');
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

/** Packages that ship only ES modules (Nest 12 and parts of its tree); Jest's CommonJS runtime needs them compiled. */
function esmOnlyPackages() {
  const root = path.join(__dirname, 'node_modules');
  const names = fs
    .readdirSync(root)
    .flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(root, name)).map((inner) => `${name}/${inner}`) : [name]));
  return names.filter((name) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  });
}

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target.replace(/^\.\//, '')}`]),
);

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{libs,services,e2e}/**/*.{spec,int-spec,medium-spec,e2e-spec}.ts'],
  moduleNameMapper,
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          target: 'es2022',
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    `/node_modules/(?!(${esmOnlyPackages()
      .map((name) => name.replace(/[.+]/g, '\\$&'))
      .join('|')})/)`,
  ],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30_000,
  // Integration and e2e specs share one database and one NATS namespace per run; tenants keep them apart.
  maxWorkers: 1,
};
