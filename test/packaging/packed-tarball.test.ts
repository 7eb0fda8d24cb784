import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SQLITE_BINARY = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** The README's library example, as a user would paste it. */
function readmeLibraryExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The library'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ts block under "## The library"');
  return match[1];
}

/**
 * What a user gets from `npm pack` + `npm install`: the tarball in an empty project, its dependencies
 * from the npm cache (the registry only for what the cache lacks), install scripts off — better-sqlite3's
 * native module is copied from this checkout's build instead of compiled again.
 */
describe('the packed tarball (issue 18.2)', () => {
  it('installs into an empty project: npx modeldebug runs the iris example and the README example type-checks', () => {
    if (!existsSync(join(root, 'dist', 'index.d.ts')) || !existsSync(join(root, 'dist', 'cli', 'main.js'))) {
      execFileSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
    }
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-pack-'));
    const [packed] = JSON.parse(
      execFileSync(npm, ['pack', '--json', '--pack-destination', folder], { cwd: root, encoding: 'utf8' }),
    ) as { filename: string; files: { path: string }[] }[];
    const paths = packed.files.map((file) => file.path);
    expect(paths).toContain('dist/cli/main.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('datasets/iris_named.csv');
    expect(paths.filter((path) => path.startsWith('src/') || path.startsWith('test/'))).toEqual([]);

    const project = join(folder, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      '{ "name": "consumer", "private": true, "type": "module" }\n',
    );
    execFileSync(
      npm,
      [
        'install',
        '--prefer-offline',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        join(folder, packed.filename),
      ],
      { cwd: project, stdio: 'ignore' },
    );
    mkdirSync(dirname(join(project, SQLITE_BINARY)), { recursive: true });
    copyFileSync(join(root, SQLITE_BINARY), join(project, SQLITE_BINARY));

    // The run store is on (the default): the SQLite module is exercised too.
    const run = spawnSync('npx', ['modeldebug', 'run', '--example', 'iris', '--quiet', '--out', 'report'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^modeldebug run: example:iris \(150 rows\)/);
    expect(existsSync(join(project, 'report', 'report.html'))).toBe(true);
    expect(existsSync(join(project, '.modeldebug', 'runs.db'))).toBe(true);

    // The types are real, not `any`: misuse must be an error (else the ts-expect-error lines fail).
    writeFileSync(
      join(project, 'index.ts'),
      [
        readmeLibraryExample(),
        '// @ts-expect-error an example is named by a string',
        'await loadExample(42);',
        '// @ts-expect-error classes are strings',
        'const first: number = fitted.classes[0];',
        'console.log(first);',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(root, 'node_modules', '@types')],
        },
        files: ['index.ts'],
      }),
    );
    const typecheck = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    expect(typecheck.stdout).toBe('');
    expect(typecheck.status).toBe(0);
  }, 600_000);
});
