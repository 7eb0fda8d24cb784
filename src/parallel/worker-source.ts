import { ModeldebugError } from '../core/errors.js';
import { locateWorkerScript, type WorkerScript } from '../core/worker-script.js';

/**
 * From the sources (vitest, tsx) the worker is `worker-entry.ts`; from the build it is
 * `parallel/worker-entry.js`, a tsup entry of its own, found next to whichever bundle chunk holds this
 * code.
 */
export function resolveWorkerSource(moduleUrl: string = import.meta.url): WorkerScript {
  const script = locateWorkerScript(moduleUrl, './worker-entry.ts', [
    './parallel/worker-entry.js',
    './worker-entry.js',
    './worker-entry.js',
  ]);
  if (script) return script;
  throw new ModeldebugError('internal', 'cannot find the worker script parallel/worker-entry.js', {
    hint: 'rebuild with npm run build, or run with --jobs 1',
  });
}
