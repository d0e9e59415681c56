// No import cycles inside a service or a library. The file-level import graph of each project is built from its
// TypeScript sources with the compiler's own module resolution (relative imports and the @warden/* paths of
// tsconfig.base.json); type-only imports count too, since a cycle of types is a cycle of concepts. Cycles between
// projects are the Nx boundaries' business (eslint.config.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const repoRoot = path.resolve(__dirname, '..');

/**
 * Feature folders (the first folder under `src/`) that still import each other in a ring, per project. A known
 * debt: this list may only shrink — a ring not listed here fails, and so does an entry no longer needed.
 * - gateway: the auth feature's controller uses the shared http decorators, which read auth's Principal.
 * - identity: `people/` is the module every feature shares (settings, people, sessions, presence), and the
 *   features it provides for import it back (session and presence SQL, the people module).
 * - inquiries: routing, inquiries, conversations and the read models call each other's services and repositories.
 */
const KNOWN_FOLDER_RINGS: Record<string, string[][]> = {
  'services/gateway': [['auth', 'http']],
  'services/identity': [['auth', 'people', 'presence', 'schedules', 'sessions', 'staff', 'tenants']],
  'services/inquiries': [['conversations', 'inquiries', 'read-models', 'routing']],
};

interface Project {
  name: string;
  src: string;
  files: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    // Tests are left out: nothing imports them, and a spec setting up through a neighbour folder is no dependency
    // of the code it tests.
    return name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.(spec|int-spec|medium-spec|e2e-spec)\.ts$/.test(name) ? [full] : [];
  });
}

function projects(): Project[] {
  return ['libs', 'services'].flatMap((kind) =>
    readdirSync(path.join(repoRoot, kind)).flatMap((name) => {
      const src = path.join(repoRoot, kind, name, 'src');
      try {
        return statSync(src).isDirectory() ? [{ name: `${kind}/${name}`, src, files: sourceFiles(src) }] : [];
      } catch {
        return [];
      }
    }),
  );
}

const compilerOptions = (() => {
  const configPath = path.join(repoRoot, 'tsconfig.base.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, repoRoot, undefined, configPath).options;
})();

/** Every file of ours a file imports: import and export declarations, `import()` and `require()`, types included. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    const resolved = ts.resolveModuleName(fileName, file, compilerOptions, ts.sys).resolvedModule;
    return resolved && !resolved.isExternalLibraryImport ? [path.resolve(resolved.resolvedFileName)] : [];
  });
}

/** Strongly connected components of more than one node (or a node importing itself): Tarjan's algorithm. */
function rings(edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || edges.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One import path around a ring, for a readable failure: a → b → … → a. */
function cycleThrough(ring: string[], edges: Map<string, Set<string>>): string[] {
  const members = new Set(ring);
  const start = ring[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of edges.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const cycle = [start];
        for (let at: string | undefined = node; at && at !== start; at = previous.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return ring;
}

const graphs = projects().map((project) => {
  const inProject = (file: string): boolean => file.startsWith(project.src + path.sep);
  const files = new Map<string, Set<string>>();
  for (const file of project.files) files.set(file, new Set(importsOf(file).filter(inProject)));
  // Files directly in src/ (module, main, index) are the composition root, not a feature folder.
  const folderOf = (file: string): string | undefined => {
    const parts = path.relative(project.src, file).split(path.sep);
    return parts.length > 1 ? parts[0] : undefined;
  };
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = folders.get(from) ?? new Set<string>();
    folders.set(from, edges);
    for (const target of targets) {
      const to = folderOf(target);
      if (to && to !== from) edges.add(to);
    }
  }
  return { project, files, folders };
});

describe('import cycles inside a service or library', () => {
  it('finds the projects and their imports (the check is not vacuous)', () => {
    const names = graphs.map(({ project }) => project.name);
    expect(names).toEqual(expect.arrayContaining(['libs/contracts', 'libs/kernel', 'services/gateway', 'services/workflow']));
    const workflow = graphs.find(({ project }) => project.name === 'services/workflow')!;
    const module = path.join(workflow.project.src, 'workflow.module.ts');
    expect([...workflow.files.get(module)!].map((file) => path.relative(workflow.project.src, file))).toContain(
      path.join('orders', 'orders.module.ts'),
    );
  });

  it('no file imports itself back, directly or through other files', () => {
    const cycles = graphs.flatMap(({ project, files }) =>
      rings(files).map(
        (ring) =>
          `${project.name}: ${cycleThrough(ring, files)
            .map((file) => path.relative(project.src, file))
            .join(' → ')}`,
      ),
    );
    expect(cycles).toEqual([]);
  });

  it('feature folders import each other in no ring beyond the known ones, and the known ones are still needed', () => {
    const unexpected: string[] = [];
    const stale: string[] = [];
    for (const { project, folders } of graphs) {
      const known = KNOWN_FOLDER_RINGS[project.name] ?? [];
      const found = rings(folders);
      for (const ring of found) {
        if (!known.some((allowed) => ring.every((folder) => allowed.includes(folder)))) {
          unexpected.push(`${project.name}: ${cycleThrough(ring, folders).join(' → ')}`);
        }
      }
      for (const allowed of known) {
        const stillRinged = new Set(found.flat());
        const gone = allowed.filter((folder) => !stillRinged.has(folder));
        if (gone.length) stale.push(`${project.name}: ${gone.join(', ')} no longer in a ring; remove from KNOWN_FOLDER_RINGS`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(stale).toEqual([]);
  });
});
