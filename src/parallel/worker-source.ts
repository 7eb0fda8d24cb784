import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ModeldebugError } from '../core/errors.js';

/** How to start a worker: a script file, or a small bootstrap evaluated in the worker. */
export type WorkerSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'eval'; readonly code: string; readonly data: Readonly<Record<string, string>> };

/**
 * From the sources (vitest, tsx) the worker is `worker-entry.ts`, loaded through tsx's API since a
 * worker does not inherit the parent's loader; from the build it is `parallel/worker-entry.js`, a tsup
 * entry of its own, found next to whichever bundle chunk holds this code.
 */
export function resolveWorkerSource(moduleUrl: string = import.meta.url): WorkerSource {
  if (moduleUrl.endsWith('.ts')) {
    // require.resolve gives the CommonJS build; the ESM build sits beside it.
    const tsxApi = pathToFileURL(
      createRequire(moduleUrl)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    const entry = new URL('./worker-entry.ts', moduleUrl).href;
    return {
      kind: 'eval',
      code: `const { workerData } = require('node:worker_threads');
import(workerData.boot.tsxApi).then(({ tsImport }) => tsImport(workerData.boot.entry, workerData.boot.entry));`,
      data: { tsxApi, entry },
    };
  }
  for (const relative of ['./parallel/worker-entry.js', '../parallel/worker-entry.js', './worker-entry.js']) {
    const path = fileURLToPath(new URL(relative, moduleUrl));
    if (existsSync(path)) return { kind: 'file', path };
  }
  throw new ModeldebugError('internal', 'cannot find the worker script parallel/worker-entry.js', {
    hint: 'rebuild with npm run build, or run with --jobs 1',
  });
}
