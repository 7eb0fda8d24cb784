import { llmOutcomesOf } from '../../analysis/index.js';
import type { FittedClassifier } from '../../core/estimator.js';
import { isFittedLlmClassifier } from '../../models/index.js';
import type { LlmCallsData, RunFinding } from '../report-types.js';

/**
 * The calls an LLM model made on the final test rows (its last prediction) and what became of each row;
 * undefined for any other model. `env` is where the endpoint variable was read from, as the model did.
 */
export function llmCallsOf(
  fitted: FittedClassifier,
  spec: string,
  yTrue: Int32Array,
  classes: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LlmCallsData | undefined {
  if (!isFittedLlmClassifier(fitted)) return undefined;
  const last = fitted.lastPrediction;
  const summary = llmOutcomesOf(fitted, yTrue, classes);
  if (!last || !summary) return undefined;
  const { params } = fitted;
  const { usage } = last;
  const { counts } = summary;
  return {
    model: spec,
    modelName: params.model,
    endpoint: displayedEndpoint(
      params.base_url_env === null ? params.base_url : (env[params.base_url_env] ?? params.base_url),
    ),
    endpointEnv: params.base_url_env,
    apiKeyEnv: params.api_key_env,
    rows: yTrue.length,
    samples: last.samples,
    calls: usage.calls,
    cacheHits: usage.cacheHits,
    failedCalls: usage.errors,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    costUsd: usage.costUsd ?? null,
    outcomes: {
      label: counts.label,
      unparseable: counts.unparseable,
      refusal: counts.refusal,
      error: counts.error,
    },
  };
}

/** A URL may carry a secret in its user info or query (`?api-key=…`): the report keeps neither. */
function displayedEndpoint(url: string): string {
  if (!URL.canParse(url)) return '(not a URL)';
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Rows the LLM left without a label (warn, with what to change), and what the calls cost (info). */
export function llmFindings(data: LlmCallsData): RunFinding[] {
  const { outcomes, rows } = data;
  const findings: RunFinding[] = [];
  const unanswered = outcomes.unparseable + outcomes.refusal + outcomes.error;
  if (unanswered > 0) {
    const share = (100 * unanswered) / rows;
    const parts = [
      outcomes.unparseable > 0 ? `${outcomes.unparseable} unparseable` : '',
      outcomes.refusal > 0 ? `${outcomes.refusal} ${outcomes.refusal === 1 ? 'refusal' : 'refusals'}` : '',
      outcomes.error > 0 ? `${outcomes.error} failed ${outcomes.error === 1 ? 'call' : 'calls'}` : '',
    ].filter((part) => part !== '');
    const onlyErrors = outcomes.error === unanswered;
    findings.push({
      section: 'final-test',
      code: 'llm_unanswered',
      columns: [],
      rows: [],
      // Unanswered rows count as errors: answering them is worth at most their share of accuracy.
      stake: unanswered / rows,
      level: share >= 5 ? 'warn' : 'info',
      message: `${data.model} gave no usable label on ${unanswered} of ${rows} test rows (${share < 1 ? share.toFixed(1) : Math.round(share)} %): ${parts.join(', ')}; they count as errors in the metrics.`,
      suggestion: onlyErrors
        ? 'the endpoint failed after every retry: check it is up and not rate-limiting, then rerun (answered rows come from the cache)'
        : 'tighten the output format (parse=json with structured_output=true) or add the label list to the prompt',
    });
  }
  const tokens = `${data.promptTokens} prompt + ${data.completionTokens} completion tokens`;
  const cost = data.costUsd === null ? 'tokens only (no price for the model)' : `$${data.costUsd.toFixed(4)}`;
  findings.push({
    section: 'final-test',
    code: 'llm_cost',
    columns: [],
    rows: [],
    level: 'info',
    message: `LLM calls on the ${rows} final test rows (${data.modelName} at ${data.endpoint}): ${data.calls} answered by the endpoint, ${data.cacheHits} from the cache, ${data.failedCalls} failed; ${tokens}; ${cost}.`,
    suggestion:
      data.costUsd === null
        ? `give the model a price, e.g. prices={"${data.modelName}": {"input": 0.15, "output": 0.6}} ($ per million tokens), to see the cost`
        : 'these are the final test calls only: the earlier steps called the model too',
  });
  return findings;
}
