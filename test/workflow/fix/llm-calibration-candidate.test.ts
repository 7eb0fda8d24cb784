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
    const descriptions = llmChanges.map((change) => change.description);
    expect(descriptions).toHaveLength(2);
    expect(descriptions.some((text) => text.includes('per-class bias'))).toBe(true);
    expect(descriptions.some((text) => text.includes('contextual calibration'))).toBe(true);
    // The calibrate stage tries its candidates most promising first (isotonic, sigmoid and the two LLM
    // ones compete); the first is verified and kept here, and the rest are judged on top of it.
    const kept = result.changes.filter((change) => change.remedy === 'calibrate' && change.status === 'kept');
    expect(kept).toHaveLength(1);
    expect(kept[0].ciLow).toBeGreaterThan(0);
    const bias = llmChanges.find((change) => change.description.includes('per-class bias'));
    // Fitted out of fold on log p of the training rows: the planted +1.5 nats on spam, centred, within 0.4.
    const fitted = /ham (-?[\d.]+), spam (-?[\d.]+)/.exec(bias?.description ?? '');
    expect(fitted).not.toBeNull();
    expect(Math.abs(Number(fitted?.[2]) - Number(fitted?.[1]) + 1.5)).toBeLessThan(0.4);
    expect(result.test.after.metrics.accuracy).toBeGreaterThan(result.test.before.metrics.accuracy);
  }, 180_000);
});
