import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';

const ONLY_EPOCHS = {
  validate: false,
  baseline: false,
  learning_curve: false,
  validation_curve: false,
  search: false,
  regularization: false,
  selection: false,
  ensemble: false,
  error_analysis: false,
  final_test: { n_boot: 20 },
};

describe('runWorkflow: the epoch curve of a gradient-trained model', () => {
  it('records per-epoch losses with the verdict and the chart in the report', async () => {
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { example: 'breast_cancer' },
        models: ['scale | mlp(max_iter=30, n_iter_no_change=100)'],
        steps: ONLY_EPOCHS,
      }),
    );
    const curve = report.sections.epochCurve;
    expect(curve).toBeDefined();
    // early_stopping was not in the spec, so it was turned on for a validation split of sklearn's 10 %.
    expect(curve?.earlyStoppingAdded).toBe(true);
    expect(curve?.validationFraction).toBe(0.1);
    expect(curve?.trainLoss).toHaveLength(30);
    expect(curve?.validationLoss).toHaveLength(30);
    // Training loss of a network on standardised breast_cancer falls over 30 epochs.
    expect(curve!.trainLoss[29]).toBeLessThan(curve!.trainLoss[0]);
    // Still improving after 30 epochs is a result for the section, not a problem: no finding.
    expect(curve?.verdict.diagnosis).toBe('still-improving');
    expect(report.findings.find((f) => f.section === 'epoch-curve')).toBeUndefined();
    const page = await renderReportHtml(report);
    expect(page).toMatch(/<figure class="chart" data-chart="epoch-curve"><svg/);
    expect(page).toContain('id="epoch-curve"');
  }, 120_000);

  it('does not apply to a model that does not train by epochs', async () => {
    const report = await runWorkflow(
      runConfigSchema.parse({ data: { example: 'iris' }, models: ['gnb'], steps: ONLY_EPOCHS }),
    );
    expect(report.sections.epochCurve).toBeUndefined();
    expect(report.skipped.map((skip) => skip.step)).not.toContain('epoch_curve');
  }, 60_000);
});
