import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-table.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HEAVY = ['@duckdb/node-api', 'vega', 'vega-lite', 'bullmq', 'ioredis', 'openai', 'better-sqlite3'];

/** The packages (under node_modules) a CLI invocation resolves, read by a resolve hook. */
function packagesLoaded(args: readonly string[]): Set<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'modeldebug-imports-')), 'imports.txt');
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(root, 'test/cli/fixtures/record-imports.mjs'),
      join(root, 'src/cli/main.ts'),
      ...args,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, RECORD_IMPORTS: file } },
  );
  expect(result.status).toBe(0);
  const packages = new Set<string>();
  for (const url of readFileSync(file, 'utf8').split('\n')) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match) packages.add(match[1]);
  }
  return packages;
}

describe('the command table', () => {
  it("lists each command with its module's own name, help term and description", async () => {
    for (const entry of COMMANDS) {
      const program = new Command();
      (await entry.load())(program);
      expect(
        program.commands.map((command) => [
          command.name(),
          new Help().subcommandTerm(command),
          command.description(),
        ]),
      ).toEqual([[entry.name, entry.term, entry.description]]);
    }
  });

  it('lets --version and --help start without DuckDB, Vega, BullMQ, SQLite or the OpenAI SDK', () => {
    for (const args of [['--version'], ['--help']]) {
      const loaded = packagesLoaded(args);
      expect(loaded.has('commander'), 'the recorder sees packages').toBe(true);
      expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
    }
    // The check can fail: a command that needs DuckDB does load it (when it runs: its --help does not).
    expect(packagesLoaded(['validate', '--help']).has('@duckdb/node-api')).toBe(false);
    expect(
      packagesLoaded(['validate', '--example', 'iris', '--fail-on', 'never']).has('@duckdb/node-api'),
    ).toBe(true);
  });

  it('lets the commands that fit here (eval, search, curve) start without BullMQ or ioredis', () => {
    for (const command of ['eval', 'search', 'curve']) {
      const loaded = packagesLoaded([command, '--help']);
      expect(loaded.has('commander'), `the recorder sees ${command}'s packages`).toBe(true);
      expect(
        ['bullmq', 'ioredis'].filter((name) => loaded.has(name)),
        command,
      ).toEqual([]);
    }
    // The check can fail: the worker command does load BullMQ.
    expect(packagesLoaded(['worker', '--help']).has('bullmq')).toBe(true);
  });
});
