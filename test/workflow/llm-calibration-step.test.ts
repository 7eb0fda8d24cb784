import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { biasedLogprobModel, signalMessages, writeSignalMessages } from '../helpers/biased-logprob-model.js';
import { useTestServer } from '../helpers/use-test-server.js';

const start = useTestServer();

describe('the llm_calibration step of run', () => {
  it('measures the calibrations of an LLM with a planted bias and names the relabelled rows of the file', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-llm-calibration-step-'));
    const path = writeSignalMessages(join(folder, 'messages.csv'), 400, 8);
    const signals = signalMessages(400, 8).signals;
    const config = runConfigSchema.parse({
      data: { train: path, label: 'label', text: ['text'] },
      models: [`llm(model=m, base_url=${server.baseURL}, scoring=logprob)`],
      cv: 4,
      steps: {
        validate: false,
        learning_curve: false,
        selection: false,
        error_analysis: false,
        final_test: { n_boot: 50 },
      },
    });
    const report = await runWorkflow(config);
    const section = report.sections.llmCalibration!;
    expect(section.basis).toBe('logprob');
    expect(section.rows).toBe(320);
    expect(section.methods.map((method) => method.method)).toEqual(['as-configured', 'contextual', 'bias']);
    // Rows of the file: contextual calibration relabels exactly the training messages with z in [-1.5, 0).
    const relabelled = section.methods[1].changedRows;
    expect(relabelled.length).toBeGreaterThan(0);
    for (const row of relabelled) expect(signals[row] >= -1.5 && signals[row] < 0).toBe(true);
    const finding = report.findings.find((entry) => entry.code === 'llm_calibration_gain')!;
    expect(finding).toMatchObject({ section: 'llm-calibration', level: 'warn', impact: { verified: true } });
    expect(finding.message).toMatch(/^LLM calibration: /);
    const page = await renderReportHtml(report);
    expect(page).toContain('<section id="llm-calibration"><h2>LLM calibration</h2>');
    expect(page).toContain('contextual calibration');
  }, 120_000);
});
