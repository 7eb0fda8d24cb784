/**
 * An LLM as a classifier, end to end: `npx tsx examples/llm-classifier.ts`.
 *
 * Defaults to Ollama on this machine (`ollama pull llama3.1`); point LLM_BASE_URL and LLM_MODEL at any
 * OpenAI-compatible endpoint. For OpenAI itself set LLM_BASE_URL=https://api.openai.com/v1 and
 * OPENAI_API_KEY (the key is read from the environment, never passed as a param).
 */

import { llmOutcomeSummary } from '../src/analysis/index.js';
import { encodeLabels, type Features } from '../src/core/index.js';
import { createLlmClassifier, LLM_OUTCOMES } from '../src/models/index.js';

function reviews(rows: readonly (readonly [string, string])[]) {
  const levels = [...new Set(rows.map(([text]) => text))];
  const features: Features = {
    rows: rows.length,
    cols: 1,
    data: Float64Array.from(rows, ([text]) => levels.indexOf(text)),
    columns: [{ name: 'review', kind: 'text', levels }],
  };
  return { features, labels: encodeLabels(rows.map(([, label]) => label)) };
}

const train = reviews([
  ['Battery lasts two days, love it', 'positive'],
  ['Screen cracked within a week', 'negative'],
  ['Fast delivery and works perfectly', 'positive'],
  ['Support never answered my emails', 'negative'],
]);
const test = reviews([
  ['Great camera, very happy', 'positive'],
  ['Stopped charging after a month', 'negative'],
  ['Does what it says', 'positive'],
]);

const llm = createLlmClassifier(
  {
    model: process.env.LLM_MODEL ?? 'llama3.1',
    base_url: process.env.LLM_BASE_URL ?? 'http://localhost:11434/v1',
    template: 'Customer review: {{review}}',
    label_descriptions: { positive: 'the customer is satisfied', negative: 'the customer is not' },
    few_shot_k: 2,
    few_shot_selection: 'stratified',
  },
  { onProgress: (p) => process.stderr.write(`\r${p.done}/${p.total} errors ${p.errors}`) },
);

const fitted = await llm.fit(train.features, train.labels);
const detailed = await fitted.predictDetailed(test.features);
process.stderr.write('\n');
detailed.answers.forEach((answer, i) => {
  const outcome = LLM_OUTCOMES[detailed.outcomes[i]];
  const label = outcome === 'label' ? fitted.classes[detailed.predicted[i]] : outcome;
  console.log(`${label.padEnd(12)} ${JSON.stringify(answer)}`);
});
const summary = llmOutcomeSummary(test.labels.codes, detailed.predicted, detailed.outcomes, fitted.classes);
console.log(
  `accuracy ${summary.accuracy.toFixed(3)}`,
  summary.counts,
  `tokens ${detailed.usage.promptTokens}+${detailed.usage.completionTokens}`,
);
