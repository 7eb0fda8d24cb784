import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitContext, FitWarning } from '../../core/estimator.js';
import { compactLabels } from '../../core/labels.js';
import type { ResponseCache } from '../../llm/cache/response-cache.js';
import { drawFewShotPool } from './few-shot.js';
import { createFittedLlmClassifier, type FittedLlmClassifier } from './fitted-model.js';
import { LLM_CLASSIFIER_KIND, type LlmClassifierParams, parseLlmClassifierParams } from './params.js';
import { resolvePromptFiles } from './prompt-file.js';
import { compileRowTemplate } from './row-template.js';
import { cacheFromParam, engineFor, type LlmRuntime, readApiKey } from './runtime.js';

export interface LlmClassifier extends Classifier<LlmClassifierParams> {
  withParams(patch: Partial<LlmClassifierParams>): LlmClassifier;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedLlmClassifier>;
}

/**
 * An LLM behind an OpenAI-compatible endpoint as a classifier. `fit` makes no call: it keeps the label
 * set, the class prior and the few-shot pool — drawn from the training rows only — and checks the
 * template and the key's variable; the fitted model calls the endpoint in `predict`/`predictProba`.
 */
export function createLlmClassifier(
  params: Partial<LlmClassifierParams> | Readonly<Record<string, unknown>> = {},
  runtime: LlmRuntime = {},
): LlmClassifier {
  const parsed = resolvePromptFiles(parseLlmClassifierParams(params));
  // One cache per classifier and its withParams copies (unless the cache param changes).
  const cache: ResponseCache | undefined =
    runtime.cache === null ? undefined : (runtime.cache ?? cacheFromParam(parsed.cache));
  // One engine per classifier, not per fit: the folds of a cross-validation fit this one object, and
  // their calls then share one AIMD limiter (at most `concurrency` in flight across all folds).
  const engine = engineFor(parsed, runtime, cache);
  return {
    kind: LLM_CLASSIFIER_KIND,
    params: parsed,
    withParams(patch) {
      const next = { ...parsed, ...patch };
      const keepCache = runtime.cache !== undefined || next.cache === parsed.cache;
      return createLlmClassifier(next, keepCache ? { ...runtime, cache: cache ?? null } : runtime);
    },
    async fit(X, y, context: FitContext = {}) {
      if (X.rows !== y.codes.length) {
        throw new ModeldebugError(
          'shape_mismatch',
          `X has ${X.rows} rows but y has ${y.codes.length} labels`,
        );
      }
      const present = compactLabels(y);
      if (present.classes.length < 2) {
        throw new ModeldebugError(
          'single_class',
          `${LLM_CLASSIFIER_KIND} needs samples of at least 2 classes, but y holds only class ${present.classes[0] ?? '(none)'}`,
          { hint: 'check the label column, or use a stratified split so every fold sees every class' },
        );
      }
      readApiKey(parsed, runtime);
      const render = compileRowTemplate(parsed.template, X.columns);
      const counts = new Float64Array(present.classes.length);
      for (const code of present.codes) counts[code]++;
      const prior = Array.from(counts, (count) => count / present.codes.length);
      const inputs = parsed.few_shot_k > 0 ? Array.from({ length: X.rows }, (_, i) => render(X, i)) : [];
      const pool = drawFewShotPool(inputs, present.codes, present.classes.length, {
        k: parsed.few_shot_k,
        selection: parsed.few_shot_selection,
        poolSize: parsed.few_shot_pool,
        seed: parsed.random_state,
      });
      const state = { classes: present.classes, prior, pool };
      return createFittedLlmClassifier(
        parsed,
        state,
        fitWarnings(parsed, present.classes),
        runtime,
        engine,
        context.signal,
      );
    },
  };
}

function fitWarnings(params: LlmClassifierParams, classes: readonly string[]): FitWarning[] {
  const warnings: FitWarning[] = [];
  const unknown = Object.keys(params.label_descriptions).filter((name) => !classes.includes(name));
  if (unknown.length > 0) {
    warnings.push({
      code: 'llm_unknown_description',
      message: `label_descriptions names labels the training rows lack: ${unknown.join(', ')}`,
    });
  }
  const unknownBias = Object.keys(params.label_bias).filter((name) => !classes.includes(name));
  if (unknownBias.length > 0) {
    warnings.push({
      code: 'llm_unknown_label_bias',
      message: `label_bias names labels the training rows lack: ${unknownBias.join(', ')}`,
    });
  }
  return warnings;
}
