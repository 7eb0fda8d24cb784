import type { StepSpec } from '../catalog/model-spec.js';
import { buildModel } from '../catalog/registry.js';
import type { Classifier } from '../core/estimator.js';
import type { ModelRuntime } from '../models/model-descriptor.js';
import { type FoldOutcome, runFoldTask, type TaskData, type TaskExecutor } from './fold-task.js';
import { createTransformCache } from './transform-cache.js';

/**
 * All tasks at once on this thread, for models that wait on an endpoint rather than compute (an LLM):
 * every task of one spec fits the same model object, so all their calls go through that model's one
 * scheduler (its AIMD limiter bounds the requests in flight), and the wall time approaches
 * calls × latency / concurrency instead of each fold waiting out its own slowest calls.
 */
export function concurrentExecutor(
  data: TaskData,
  options: { readonly signal?: AbortSignal; readonly build?: ModelRuntime } = {},
): TaskExecutor {
  const models = new Map<string, Classifier>();
  const build = (steps: readonly StepSpec[]): Classifier => {
    const key = JSON.stringify(steps);
    let model = models.get(key);
    if (model === undefined) {
      model = buildModel(steps, options.build);
      models.set(key, model);
    }
    return model;
  };
  const shared: TaskData = { ...data, cache: data.cache ?? createTransformCache(), build };
  return {
    run(tasks, onTaskDone) {
      options.signal?.throwIfAborted();
      return Promise.all(
        tasks.map(async (task, index): Promise<FoldOutcome> => {
          const outcome = await runFoldTask(task, shared);
          onTaskDone?.(index, outcome);
          return outcome;
        }),
      );
    },
    close: async () => {},
  };
}
