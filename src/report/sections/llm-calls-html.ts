import type { LlmCallsData } from '../../workflow/index.js';
import { pct } from '../format-values.js';
import { table } from '../html-parts.js';
import { html, type SafeHtml } from '../safe-html.js';

/** The final model's LLM calls on the test rows: endpoint, calls, tokens, cost and each row's outcome. */
export function llmCallsHtml(data: LlmCallsData): SafeHtml {
  const { outcomes, rows } = data;
  const share = (count: number) => pct(rows === 0 ? null : count / rows);
  const cost = data.costUsd === null ? 'tokens only (no price for the model)' : `$${data.costUsd.toFixed(4)}`;
  const endpoint = data.endpointEnv === null ? data.endpoint : `${data.endpoint} (from $${data.endpointEnv})`;
  return html`<div class="llm-calls"><h3>LLM calls</h3><p>Model <code>${data.modelName}</code> at <code>${endpoint}</code>; API key read from <code>$${data.apiKeyEnv}</code> (never stored). On the ${rows} test rows${data.samples > 1 ? ` × ${data.samples} samples` : ''}: ${data.calls} calls answered by the endpoint, ${data.cacheHits} from the cache, ${data.failedCalls} failed; ${data.promptTokens} prompt + ${data.completionTokens} completion tokens; ${cost}.</p>${table(
    ['outcome', 'rows', 'share'],
    [
      ['label', outcomes.label, share(outcomes.label)],
      ['unparseable', outcomes.unparseable, share(outcomes.unparseable)],
      ['refusal', outcomes.refusal, share(outcomes.refusal)],
      ['error', outcomes.error, share(outcomes.error)],
    ],
  )}</div>`;
}
