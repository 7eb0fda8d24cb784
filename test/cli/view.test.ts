import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedViewerStore } from '../helpers/viewer-runs.js';
import { expectOneLineError, runCli } from './run-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('modeldebug view', () => {
  it('prints its URL, serves the store, and stops cleanly on Ctrl-C', async () => {
    const { storePath, ids } = seedViewerStore();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'view', '--store', storePath, '--port', '0'],
      { cwd: root, env: { ...process.env, MODELDEBUG_DEBUG: '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const match = /at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C stops\)\n/.exec(stdout);
          if (match) resolve(match[1]);
        });
        child.on('exit', () => reject(new Error(`view exited early: ${stderr}`)));
      });
      expect(stdout).toBe(`modeldebug view: ${storePath} at ${url} (Ctrl-C stops)\n`);
      const page = await (await fetch(url)).text();
      expect(page).toContain(`href="/runs/${ids.older}"`);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      // A failed assertion must not leave the server running (kill after exit is a no-op).
      child.kill();
    }
  });

  it('rejects a bad port and a missing store in one line', () => {
    expectOneLineError(runCli(['view', '--port', '70000']), '--port must be at most 65535');
    expectOneLineError(
      runCli(['view', '--store', '/nonexistent/runs.db', '--port', '0']),
      '--store: no run store at /nonexistent/runs.db',
    );
  });
});
