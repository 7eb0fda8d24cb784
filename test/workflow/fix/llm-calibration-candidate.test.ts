import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { biasedLogprobModel, writeSignalMessages } from '../../helpers/biased-logprob-model.js';
import { useTestServer } from '../../helpers/use-test-server.js';

const start = useTestServer();

describe('fix with an LLM that prefers one label', () => {
  it('tries contextual calibration and a per-class bias, keeps a verified one, and proves it on the test rows', async () => {
    const server = await start({ answer: biasedLogprobModel() });
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-fix-llm-calibration-'));
    const path = writeSignalMessages(join(folder, 'messages.csv'), 1200, 9);
    const data = await prepareFixData({
      train: path,
      label: 'label',
      text: ['text'],
      testSize: 0.3,
      seed: 0,
    });
    const result = await runFix(data, parseModelSpec(`llm(model=m, base_url=${server.baseURL})`), {
      metric: 'accuracy',
      cv: 5,
      seed: 0,
      nBoot: 200,
      remedies: ['calibrate'],
    });
    const llmChanges = result.changes.filter((change) => change.code === 'llm_calibration_gain');
    expect(llmChanges.map((change) => change.description)).toEqual([
      expect.stringContaining('per-class bias'),
      expect.stringContaining('contextual calibration'),
    ]);
    // The bias is verified and kept; contextual calibration is then tried on top of it.
    expect(llmChanges[0]).toMatchObject({ status: 'kept' });
    expect(llmChanges[0].ciLow).toBeGreaterThan(0);
    const params = result.final.steps[0].params as { scoring: string; label_bias: Record<string, number> };
    expect(params.scoring).toBe('logprob');
    // Fitted on log p of the training rows: the planted +1.5 nats on spam, centred, within 0.4.
    expect(Math.abs(params.label_bias.spam - params.label_bias.ham + 1.5)).toBeLessThan(0.4);
    expect(result.test.after.metrics.accuracy).toBeGreaterThan(result.test.before.metrics.accuracy);
  }, 180_000);
});
