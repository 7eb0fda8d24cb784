/** What a bench needs to run as a script as well as from bench/run.ts. */
import { fileURLToPath } from 'node:url';

/** True when the calling module is the script node was started with (`npx tsx bench/x.ts`). */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
}

/** `--name N` from the command line, or undefined. */
export function numberFlag(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
}
