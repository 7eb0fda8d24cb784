import { Command } from 'commander';
import { declareCommands } from '../../src/cli/command-table.js';

/**
 * Runs one modeldebug command inside the test process, as main.ts wires it (the same command table and
 * error path), capturing what it writes and the exit code it sets. No child process and no TypeScript
 * transform per call, so a test of many bad inputs takes milliseconds, whatever the machine's load.
 */
export async function runCommandInProcess(
  args: readonly string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  const program = new Command().name('modeldebug').exitOverride();
  await declareCommands(program, args);
  for (const command of program.commands) command.exitOverride();
  let stdout = '';
  let stderr = '';
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const exitCode = process.exitCode;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    process.exitCode = undefined;
    await program.parseAsync(['node', 'modeldebug', ...args]);
    return { status: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = exitCode;
  }
}
