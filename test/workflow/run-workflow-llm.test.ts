import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.js';
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

describe('the LLM calls block of a run', () => {
  it('counts the final test rows by outcome as the server scripted them, with tokens and no API key', async () => {
    // Test messages 100–119: no label on 103, 108, 113, 118 (unparseable) and a refusal on 104 and 114.
    const scripted = startTestServer({
      answer: (body) => {
        const text = lastUser(body);
        const number = Number(/message (\d+)/.exec(text)?.[1]);
        if (number % 5 === 3) return 'I would rather not say.';
        if (number % 10 === 4) return "I'm sorry, I can't help with that.";
        return text.includes('money') ? 'spam' : 'ham';
      },
    });
    const llmServer = await scripted;
    const key = 'sk-test-0123456789-never-in-the-report';
    process.env.MODELDEBUG_TEST_LLM_KEY = key;
    try {
      const folder = mkdtempSync(join(tmpdir(), 'modeldebug-workflow-llm-calls-'));
      const csv = (from: number, to: number) => {
        const lines = ['text,label'];
        for (let i = from; i < to; i++) {
          const spam = i % 2 === 1;
          lines.push(
            `"message ${i}: ${spam ? 'win money now' : 'meeting notes attached'}",${spam ? 'spam' : 'ham'}`,
          );
        }
        return `${lines.join('\n')}\n`;
      };
      writeFileSync(join(folder, 'train.csv'), csv(0, 45));
      writeFileSync(join(folder, 'test.csv'), csv(100, 120));
      const expected = { label: 0, unparseable: 0, refusal: 0, error: 0 };
      for (let i = 100; i < 120; i++) {
        if (i % 5 === 3) expected.unparseable++;
        else if (i % 10 === 4) expected.refusal++;
        else expected.label++;
      }
      const spec = `llm(model="test<b>&model", base_url=${llmServer.baseURL}, api_key_env=MODELDEBUG_TEST_LLM_KEY, few_shot_k=0, cache=memory)`;
      const config = runConfigSchema.parse({
        data: {
          train: join(folder, 'train.csv'),
          test: join(folder, 'test.csv'),
          label: 'label',
          text: ['text'],
        },
        models: [spec],
        cv: 3,
        steps: {
          validate: false,
          learning_curve: false,
          selection: false,
          error_analysis: { n_boot: 20 },
          final_test: { n_boot: 20 },
        },
      });
      const report = await runWorkflow(config);
      const llm = report.sections.finalTest?.llm;
      expect(llm).toBeDefined();
      if (!llm) return;
      expect(llm.rows).toBe(20);
      expect(llm.outcomes).toEqual(expected);
      expect(llm.modelName).toBe('test<b>&model');
      expect(llm.endpoint).toBe(llmServer.baseURL);
      expect(llm.apiKeyEnv).toBe('MODELDEBUG_TEST_LLM_KEY');
      // One call per row (one sample), each either answered, cached or failed; these rows are new to the cache.
      expect(llm.calls + llm.cacheHits + llm.failedCalls).toBe(20);
      expect(llm.calls).toBe(20);
      expect(llm.promptTokens).toBeGreaterThan(0);
      expect(llm.completionTokens).toBeGreaterThan(0);
      expect(llm.costUsd).toBeNull();
      // The headline intervals score the unanswered rows as errors, like the metrics: 14 labels at most right.
      const final = report.sections.finalTest;
      expect(final?.intervals.accuracy.estimate).toBeCloseTo(report.summary.metrics.accuracy, 12);
      expect(final?.intervals.f1Macro.estimate).toBeCloseTo(report.summary.metrics.f1_macro, 12);
      expect(final?.intervals.f1Weighted.estimate).toBeCloseTo(report.summary.metrics.f1_weighted, 12);
      expect(report.summary.metrics.accuracy).toBeLessThanOrEqual(expected.label / 20);
      // The key was sent to the endpoint, and is nowhere in what the run writes.
      expect(llmServer.authorizations()).toContain(`Bearer ${key}`);
      const json = JSON.stringify(report);
      const page = await renderReportHtml(report);
      expect(json).not.toContain(key);
      expect(page).not.toContain(key);

      const unanswered = report.findings.find((f) => f.message.includes('gave no usable label'));
      expect(unanswered?.level).toBe('warn');
      expect(unanswered?.message).toContain(
        `on 6 of 20 test rows (30 %): ${expected.unparseable} unparseable, ${expected.refusal} refusals`,
      );
      const usage = report.findings.find((f) => f.message.startsWith('LLM calls on the 20 final test rows'));
      expect(usage?.level).toBe('info');
      expect(usage?.message).toContain(
        `${llm.promptTokens} prompt + ${llm.completionTokens} completion tokens`,
      );
      expect(usage?.message).toContain('tokens only');

      const block = /<div class="llm-calls">[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
      expect(block).toContain('<h3>LLM calls</h3>');
      expect(block).toContain('<code>test&lt;b&gt;&amp;model</code>');
      expect(block).not.toContain('<b>');
      expect(block).toContain('$MODELDEBUG_TEST_LLM_KEY');
      expect(block).toContain(`<td>unparseable</td><td class="num">${expected.unparseable}</td>`);
      expect(block).toContain(`<td>refusal</td><td class="num">${expected.refusal}</td>`);
    } finally {
      delete process.env.MODELDEBUG_TEST_LLM_KEY;
      await llmServer.close();
    }
  }, 120_000);
});
