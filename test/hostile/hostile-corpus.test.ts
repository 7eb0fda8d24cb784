import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileCases } from './hostile-cases.js';
import { type CorpusFile, corpusFiles, type HostileCase, nanRows } from './hostile-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** MODELDEBUG_HOSTILE_CLI runs the corpus against another build (e.g. an older commit's, for a tally). */
const otherCli = process.env.MODELDEBUG_HOSTILE_CLI;
const cli = otherCli ?? join(root, 'dist', 'cli', 'main.js');
/** A case that has not answered by then hangs: the harness kills it and fails the case. */
const CASE_TIMEOUT_MS = 150_000;

interface Outcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI, rebuilt when a source file is newer (the corpus tests what a user installs). */
function ensureBuilt(): void {
  const newest = (folder: string): number =>
    Math.max(
      ...readdirSync(folder, { withFileTypes: true }).map((entry) => {
        const path = join(folder, entry.name);
        return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
      }),
    );
  if (otherCli !== undefined || (existsSync(cli) && statSync(cli).mtimeMs >= newest(join(root, 'src'))))
    return;
  const build = spawnSync('npx', ['tsup', '--silent'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

function runCli(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, MODELDEBUG_DEBUG: '' },
      timeout: CASE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** Parquet stores NaN as a double: written by DuckDB from the same rows as nan.csv. */
async function writeNanParquet(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const values = nanRows()
    .map(([a, b, y]) => `(${a}, ${typeof b === 'string' ? "'NaN'::DOUBLE" : b}, ${y})`)
    .join(', ');
  await connection.run(
    `COPY (SELECT * FROM (VALUES ${values}) t(a, b, y)) TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
}

function write(dir: string, files: readonly CorpusFile[]): void {
  for (const file of files) writeFileSync(join(dir, file.name), file.content);
}

const dir = mkdtempSync(join(tmpdir(), 'modeldebug-hostile-'));
const cases = hostileCases(dir);

describe('hostile-input corpus through the built CLI', () => {
  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(dir, { recursive: true });
    write(dir, corpusFiles());
    await writeNanParquet(join(dir, 'nan.parquet'));
  }, 180_000);

  it.each(cases.map((hostile): [string, HostileCase] => [hostile.name, hostile]))(
    '%s',
    async (_, hostile) => {
      if (hostile.files) write(dir, hostile.files);
      const outcome = await runCli(hostile.args.map((arg) => arg.replaceAll('{dir}', dir)));
      // Never a hang, a crash or a stack trace, whatever the case expects.
      expect(outcome.signal, 'killed: the case hung').toBeNull();
      expect(outcome.status, outcome.stderr).not.toBe(70);
      expect(outcome.stderr).not.toMatch(/\n\s+at /);
      if ('error' in hostile.expect) {
        expect(outcome.status, outcome.stdout).toBe(2);
        const lines = outcome.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^modeldebug: error: /);
        for (const fragment of hostile.expect.error) {
          if (typeof fragment === 'string') expect(lines[0]).toContain(fragment);
          else expect(lines[0]).toMatch(fragment);
        }
      } else {
        expect(outcome.status, outcome.stderr).toBe(hostile.expect.exit ?? 0);
        hostile.expect.json(JSON.parse(outcome.stdout));
      }
    },
    CASE_TIMEOUT_MS + 10_000,
  );
});
