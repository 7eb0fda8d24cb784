import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { lastUser, startTestServer, type TestServer } from '../helpers/openai-test-server.js';

let server: TestServer;
beforeAll(async () => {
  // Answers from the words, wrong on every message whose number is a multiple of 7, and no label at all
  // (unparseable) on 3, 8, 13 … (one row in five).
  server = await startTestServer({
    answer: (body) => {
      const text = lastUser(body);
      const number = Number(/message (\d+)/.exec(text)?.[1]);
      const spam = text.includes('money');
      if (number % 5 === 3) return 'I would rather not say.';
      return number % 7 === 0 ? (spam ? 'ham' : 'spam') : spam ? 'spam' : 'ham';
    },
  });
});
afterAll(async () => {
  await server.close();
});

describe('runWorkflow with an llm(...) model', () => {
  it('runs the steps that apply to an LLM and skips the others with the reason', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-workflow-llm-'));
    const lines = ['text,label'];
    for (let i = 0; i < 60; i++) {
      const spam = i % 2 === 1;
      lines.push(
        `"message ${i}: ${spam ? 'win money now' : 'meeting notes attached'}",${spam ? 'spam' : 'ham'}`,
      );
    }
    const path = join(folder, 'messages.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const spec = `llm(model=test-model, base_url=${server.baseURL}, few_shot_k=0, cache=memory)`;
    const config = runConfigSchema.parse({
      data: { train: path, label: 'label', text: ['text'] },
      models: [spec],
      cv: 3,
      steps: {
        validate: false,
        learning_curve: false,
        selection: false,
        error_analysis: { n_boot: 50 },
        final_test: { n_boot: 50 },
      },
    });
    const report = await runWorkflow(config);
    expect(report.summary.bestModel).toContain('llm(');
    expect(report.sections.finalTest?.testRows).toBe(12);
    // 12 test messages: numbers 0, 7, 14 … among them are answered wrongly; accuracy is what the server makes it.
    const counts = report.summary.confusion.counts;
    const correct = counts[0][0] + counts[1][1];
    expect(report.summary.metrics.accuracy).toBeCloseTo(correct / 12, 12);
    expect(report.summary.metrics.accuracy).toBeLessThan(1);
    // Unanswered rows are errors in their own column, not a fallback class the model never chose.
    expect(report.summary.confusion.predictedLabels).toEqual(['ham', 'spam', 'unparseable']);
    const unanswered = counts[0][2] + counts[1][2];
    expect(unanswered).toBeGreaterThan(0);
    expect(counts.flat().reduce((sum, count) => sum + count, 0)).toBe(12);
    expect(report.summary.metrics.accuracy).toBeLessThanOrEqual((12 - unanswered) / 12);
    expect(report.skipped.map((s) => s.step).sort()).toEqual(
      ['ensemble', 'regularization', 'search', 'validation_curve'].sort(),
    );
    expect(server.requests()).toBeGreaterThan(0);
  }, 120_000);
});
