import { tagsOf } from '../../catalog/index.js';
import { concurrentExecutor, type TaskExecutor } from '../../selection/index.js';
import type { PlannedModel, StepInput } from '../step-context.js';

/**
 * An LLM's fits wait on its endpoint, not the CPU: all of them at once on this thread, sharing the
 * model's one limiter (and `--redis`'s runner, through the build options), rather than one thread each.
 */
export function executorFor(input: StepInput, model: PlannedModel): TaskExecutor {
  if (!tagsOf(model.steps).waitsOnEndpoint) return input.executor;
  const { features, labels } = input.tuning;
  return concurrentExecutor({ features, labels }, { signal: input.signal, build: input.build });
}
