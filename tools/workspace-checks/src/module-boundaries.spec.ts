// Module boundaries (STYLE: apps -> libs, never lib -> app, never a relative path into another
// project): every import in apps/ and libs/ is checked against the folder it lives in.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const workspace = resolve(__dirname, '../../..');
const tsconfig = JSON.parse(readFileSync(join(workspace, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const aliases = tsconfig.compilerOptions.paths;

interface Project {
  readonly root: string;
  readonly kind: 'apps' | 'libs';
  readonly name: string;
}

function projects(): Project[] {
  return (['apps', 'libs'] as const).flatMap((kind) =>
    readdirSync(join(workspace, kind), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => ({ root: join(workspace, kind, entry.name), kind, name: entry.name })),
  );
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|cjs|mjs|js)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${sep}node_modules${sep}`));
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1]!);
}

const all = projects();
// Source only: the jest configs at a project root share the workspace preset on purpose.
const rows = all.flatMap((project) =>
  existsSync(join(project.root, 'src')) ? sourceFiles(join(project.root, 'src')).map((file) => ({ project, file })) : [],
);

describe('module boundaries', () => {
  it('finds the projects it checks', () => {
    expect(all.map((p) => `${p.kind}/${p.name}`)).toEqual(expect.arrayContaining(['apps/http-server', 'libs/http-parser']));
    expect(rows.length).toBeGreaterThan(50);
  });

  it('every @mths/ alias points into libs/', () => {
    for (const [alias, [target]] of Object.entries(aliases)) {
      expect({ alias, target: target?.startsWith('libs/') }).toEqual({ alias, target: true });
      expect({ alias, exists: existsSync(join(workspace, target!)) }).toEqual({ alias, exists: true });
    }
  });

  it('no relative import leaves its own project', () => {
    const escapes: string[] = [];
    for (const { project, file } of rows) {
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier);
        if (!target.startsWith(project.root + sep)) escapes.push(`${relative(workspace, file)} imports ${specifier}`);
      }
    }
    expect(escapes).toEqual([]);
  });

  it('projects reach each other only through @mths/ aliases of libs, and libs never import apps', () => {
    const offenders: string[] = [];
    for (const { file } of rows) {
      for (const specifier of importsOf(file)) {
        if (/^(\.\.\/)*(apps|libs)\//.test(specifier)) offenders.push(`${relative(workspace, file)} imports ${specifier}`);
        if (specifier.startsWith('@mths/') && !(specifier in aliases)) offenders.push(`${relative(workspace, file)} imports unknown ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every app checks the Node version first thing', () => {
    for (const project of all.filter((p) => p.kind === 'apps')) {
      const main = join(project.root, 'src', 'main.ts');
      if (!existsSync(main)) continue; // e2e projects have no main
      expect({ app: project.name, checks: readFileSync(main, 'utf8').includes('assertSupportedNode()') }).toEqual({
        app: project.name,
        checks: true,
      });
    }
  });
});
