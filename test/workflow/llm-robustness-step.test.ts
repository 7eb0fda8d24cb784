import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingRecordSchema } from '../../src/core/finding-record.js';
import { renderReportHtml } from '../../src/report/index.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { reviewCsv } from '../analysis/llm-reviews.js';
import { labelWordBiasedModel } from '../helpers/label-word-model.js';
import { stepsOff } from '../helpers/steps-off.js';
import { useTestServer } from '../helpers/use-test-server.js';

const startServer = useTestServer();
/** Every step off but the comparison and this one, with its options. */
const steps = (robustness: unknown) => ({ ...stepsOff('baseline'), llm_robustness: robustness });

describe('the llm_robustness step of run', () => {
  it('finds the planted label-word lure on rows of the file, draws its section, and a rerun makes no call', async () => {
    const server = await startServer({ answer: labelWordBiasedModel });
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-robustness-step-'));
    const csv = join(folder, 'reviews.csv');
    // File row i says "item i": the lured rows are those with i % 4 === 1.
    writeFileSync(csv, reviewCsv(200));
    const config = runConfigSchema.parse({
      data: { train: csv, label: 'y', text: ['review'], drop: ['stars'] },
      models: [`llm(model=m, base_url=${server.baseURL}, template='Review: {{review}}')`],
      cv: 4,
      steps: steps({ max_rows: 120, families: ['labels'] }),
    });
    const context = { build: { cacheFile: join(folder, 'store.sqlite') } };
    const before = server.requests();
    const report = await runWorkflow(config, context);
    const firstCalls = server.requests() - before;
    const section = report.sections.llmRobustness!;
    expect(section.rows).toBe(120);
    expect(section.halves).toEqual({ pickRows: 60, measureRows: 60 });
    expect(section.spreads.find((s) => s.family === 'labels')).toMatchObject({
      best: 'letters as label words',
      sensitive: true,
    });
    expect(section.usage.calls).toBeGreaterThan(0);
    expect(section.sampling).toMatchObject({ ran: false });

    const finding = report.findings.find((f) => f.section === 'llm-robustness')!;
    const { section: _section, stake: _stake, ...record } = finding;
    expect(findingRecordSchema.parse(record)).toEqual(record);
    expect(finding).toMatchObject({ code: 'llm_format_sensitive', impact: { verified: true } });
    expect(finding.message).toMatch(/^Robustness: /);
    // Rows of the data file, not of the sample: every flipped row is a lured one.
    expect(finding.rows.length).toBeGreaterThan(10);
    for (const row of finding.rows) expect(row % 4).toBe(1);
    for (const flip of section.flippedRows) expect(flip.row % 4).toBe(1);
    const classSlices = section.slices.filter((s) => s.by === 'class' && s.family === 'labels');
    expect(classSlices.find((s) => s.value === 'pos')!.flipRate.estimate).toBe(0);
    expect(classSlices.find((s) => s.value === 'neg')!.flipRate.estimate).toBeGreaterThan(0.3);
    expect(section.slices.some((s) => s.by === 'column' && s.column === 'source')).toBe(true);

    const page = await renderReportHtml(report);
    expect(page).toContain('<section id="llm-robustness"><h2>Robustness</h2>');
    expect(page).toContain('letters as label words (A, B)');

    // The same store: the comparison's and this step's answers come from its cache.
    const again = server.requests();
    const rerun = await runWorkflow(config, context);
    expect(server.requests() - again).toBe(0);
    expect(rerun.sections.llmRobustness!.usage.calls).toBe(0);
    expect(rerun.sections.llmRobustness!.usage.cacheHits).toBeGreaterThan(0);
    expect(rerun.sections.llmRobustness!.variants).toEqual(section.variants);
    expect(firstCalls).toBeGreaterThan(0);
  }, 240_000);

  it('perturbs the text of a classical model and skips the prompt families', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-robustness-classical-'));
    const csv = join(folder, 'reviews.csv');
    writeFileSync(csv, reviewCsv(100));
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train: csv, label: 'y', text: ['review'], drop: ['stars', 'source'] },
        models: ['tfidf(column=review, lowercase=false) | logreg'],
        cv: 4,
        steps: steps(true),
      }),
    );
    const section = report.sections.llmRobustness!;
    expect(section.skipped.map((skip) => skip.family)).toEqual(['format', 'labels']);
    expect(section.variants.map((v) => v.family)).toEqual(['baseline', ...Array(5).fill('input')]);
    const finding = report.findings.find((f) => f.section === 'llm-robustness')!;
    expect(finding).toMatchObject({ code: 'llm_perturbation_sensitive', columns: ['review'] });
  }, 120_000);
});
