import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from source, as a user's shell would, and captures everything it prints. */
export function runCli(args: readonly string[]): CliResult {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, MODELDEBUG_DEBUG: '' },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function writeTempCsv(name: string, text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'modeldebug-cli-'));
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** A successful run: exit 0, nothing on stderr, and every one of `sections` somewhere in stdout. */
export function expectSections(result: CliResult, sections: readonly string[]): void {
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  for (const section of sections) expect(result.stdout).toContain(section);
}

/**
 * A bad-input run must end in exactly one line on stderr, exit code 2, and no stack trace; the line holds
 * every string fragment and matches every pattern.
 */
export function expectOneLineError(result: CliResult, ...fragments: (string | RegExp)[]): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^modeldebug: error: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const fragment of fragments) {
    if (typeof fragment === 'string') expect(lines[0]).toContain(fragment);
    else expect(lines[0]).toMatch(fragment);
  }
}
