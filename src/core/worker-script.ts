import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread's script: the built `.js` file of its own (a tsup entry), or, when running from the
 * TypeScript sources (vitest, tsx), the `.ts` entry loaded through tsx's API, since a worker does not
 * inherit the parent's loader.
 */
export type WorkerScript =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'tsx'; readonly entry: string; readonly tsxApi: string };

/**
 * Finds a worker script relative to the calling module (`moduleUrl`, its `import.meta.url`):
 * `tsEntry` beside a `.ts` module, else the first of `builtCandidates` that exists beside the bundle
 * chunk holding the caller. Undefined when there is none (or tsx cannot be resolved).
 */
export function locateWorkerScript(
  moduleUrl: string,
  tsEntry: string,
  builtCandidates: readonly string[],
): WorkerScript | undefined {
  if (moduleUrl.endsWith('.ts')) {
    try {
      // require.resolve gives the CommonJS build; the ESM build sits beside it.
      const api = createRequire(moduleUrl)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs');
      return { kind: 'tsx', entry: new URL(tsEntry, moduleUrl).href, tsxApi: pathToFileURL(api).href };
    } catch {
      return undefined;
    }
  }
  for (const relative of builtCandidates) {
    const path = fileURLToPath(new URL(relative, moduleUrl));
    if (existsSync(path)) return { kind: 'file', path };
  }
  return undefined;
}

const TSX_BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.boot.tsxApi).then(({ tsImport }) => tsImport(workerData.boot.entry, workerData.boot.entry));`;

/** Starts the script with `workerData` (plus, from the sources, the `boot` field the tsx loader reads). */
export function startWorker(script: WorkerScript, workerData: Readonly<Record<string, unknown>>): Worker {
  if (script.kind === 'file') return new Worker(script.path, { workerData });
  return new Worker(TSX_BOOT, {
    eval: true,
    workerData: { ...workerData, boot: { tsxApi: script.tsxApi, entry: script.entry } },
  });
}
