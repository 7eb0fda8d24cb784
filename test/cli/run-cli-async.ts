import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliResult } from './run-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Runs the CLI from source without blocking this process, so a server in the test (the local
 * OpenAI-compatible one) keeps answering; `started` gives the child to kill it mid-run.
 */
export function runCliAsync(
  args: readonly string[],
  started?: (child: ChildProcess) => void,
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult & { readonly signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, MODELDEBUG_DEBUG: '', OPENAI_API_KEY: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  started?.(child);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}
