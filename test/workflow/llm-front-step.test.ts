import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { reviewCsv } from '../analysis/llm-reviews.js';
import { FRONT_PRICES, frontScriptedModel } from '../helpers/front-scripted-model.js';
import { useTestServer } from '../helpers/use-test-server.js';

const startServer = useTestServer();
const OTHER_STEPS = [
  'learning_curve',
  'epoch_curve',
  'validation_curve',
  'search',
  'regularization',
  'selection',
  'ensemble',
];

describe('run with LLM models', () => {
  it('adds the cost–accuracy front section and its chart to the report', async () => {
    const server = await startServer({ answer: frontScriptedModel });
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-front-run-'));
    const csv = join(folder, 'reviews.csv');
    writeFileSync(csv, reviewCsv(150));
    const prices = JSON.stringify(FRONT_PRICES);
    const model = (name: string) =>
      `llm(model=${name}, base_url=${server.baseURL}, template='Review: {{review}}', temperature=0.7, prices=${prices})`;
    const steps = Object.fromEntries(OTHER_STEPS.map((step) => [step, false]));
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train: csv, label: 'y', text: ['review'], drop: ['source', 'stars'] },
        models: [model('cheap'), model('flaky')],
        cv: 3,
        steps: { ...steps, llm_front: { maj: [1, 3], first_rung: 30 } },
      }),
    );
    const front = report.sections.llmFront!;
    expect(front.arms.map((arm) => arm.name).sort()).toHaveLength(4);
    expect(front.front).toContain('cheap · 0-shot · maj@1');
    for (const arm of front.arms.filter((arm) => arm.base === 'flaky')) {
      expect(arm.status).not.toBe('front');
    }
    expect(front.folds).toBe(3);
    const html = await renderReportHtml(report);
    expect(html).toContain('data-chart="llm-front"');
    expect(html).toContain('id="llm-front"');
  }, 180_000);

  it('costs no call beyond the model comparison with the default grid (the models as configured)', async () => {
    const server = await startServer({ answer: frontScriptedModel });
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-front-run-'));
    const csv = join(folder, 'reviews.csv');
    writeFileSync(csv, reviewCsv(90));
    const calls = async (front: boolean, cache: string) => {
      const before = server.requests();
      const report = await runWorkflow(
        runConfigSchema.parse({
          data: { train: csv, label: 'y', text: ['review'], drop: ['source', 'stars'] },
          models: [
            `llm(model=cheap, base_url=${server.baseURL}, template='Review: {{review}}', cache=${cache})`,
          ],
          cv: 3,
          steps: {
            ...Object.fromEntries(OTHER_STEPS.map((step) => [step, false])),
            error_analysis: false,
            final_test: false,
            llm_front: front,
          },
        }),
      );
      return { calls: server.requests() - before, report };
    };
    const without = await calls(false, join(folder, 'a.sqlite'));
    const withFront = await calls(true, join(folder, 'b.sqlite'));
    expect(withFront.report.sections.llmFront?.arms).toHaveLength(1);
    expect(withFront.report.sections.llmFront?.httpCalls).toBe(0);
    expect(withFront.calls).toBe(without.calls);
  }, 180_000);
});
