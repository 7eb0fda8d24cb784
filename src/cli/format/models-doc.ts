import { formatModels } from './models-text.js';

/** docs/models.md: `modeldebug models` in a page (scripts/generate-models-doc.ts writes it). */
export function modelsDoc(): string {
  return [
    '# Models and transforms',
    '',
    'Everything a model spec (`--model`, `models:` in a run config) can name, with every param, its default',
    'and what it does. Generated from the params schemas by `npx tsx scripts/generate-models-doc.ts` — the',
    'same text `modeldebug models` prints; a test fails when this page is stale. Write params as',
    '`name(param=value, ...)` and join steps with `|`, e.g. `scale | logreg(C=0.1)`; ensembles take member',
    'specs: `vote(logreg; gnb; tree, voting=soft)`.',
    '',
    '```text',
    formatModels().trimEnd(),
    '```',
    '',
  ].join('\n');
}
