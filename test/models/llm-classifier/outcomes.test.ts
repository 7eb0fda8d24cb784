import { afterEach, describe, expect, it } from 'vitest';
import { llmOutcomeSummary } from '../../../src/analysis/llm/llm-outcome-summary.js';
import { createLlmClassifier, LLM_OUTCOMES } from '../../../src/models/llm-classifier/index.js';
import {
  type ChatBody,
  lastUser,
  startTestServer,
  type TestServer,
} from '../../helpers/openai-test-server.js';
import { TEST, TRAIN } from './text-data.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Scripted answers by the review text: clean, sloppy, unparseable, refusal, JSON, and a failing server. */
function answer(body: ChatBody) {
  const input = lastUser(body);
  if (input.includes('great battery')) return 'pos';
  if (input.includes('awful screen')) return '  NEG.\n';
  if (input.includes('meh')) return 'I think it is mixed';
  if (input.includes('refuse this')) return { content: '', refusal: 'I cannot help with that.' };
  if (input.includes('json please')) return '```json\n{"label": "pos"}\n```';
  return 'pos';
}

describe('LLM classifier outcomes: label, unparseable, refusal, error', () => {
  it('parses exact, sloppy and JSON answers, and keeps the rest apart from wrong labels', async () => {
    server = await startTestServer({
      answer,
      fault: (_n, body) =>
        lastUser(body).includes('broken server') ? { kind: 'status', status: 503 } : undefined,
    });
    const estimator = createLlmClassifier(
      {
        base_url: server.baseURL,
        model: 'm',
        template: 'Review ({{source}}, {{stars}} stars): {{review}}',
        max_attempts: 2,
      },
      { env: {} },
    );
    const fitted = await estimator.fit(TRAIN.features, TRAIN.labels);
    const detailed = await fitted.predictDetailed(TEST.features);
    expect(Array.from(detailed.outcomes, (code) => LLM_OUTCOMES[code])).toEqual([
      'label',
      'label',
      'unparseable',
      'refusal',
      'label',
      'error',
    ]);
    expect(Array.from(detailed.predicted.subarray(0, 2), (k) => fitted.classes[k])).toEqual(['pos', 'neg']);
    expect(detailed.answers[2]).toBe('I think it is mixed');
    expect(detailed.warnings.map((warning) => warning.code)).toEqual([
      'llm_unparseable',
      'llm_refusal',
      'llm_error',
    ]);
    // The warnings reach the diagnostics `evaluate` reports.
    expect(fitted.diagnostics.warnings.map((warning) => warning.code)).toContain('llm_unparseable');

    const summary = llmOutcomeSummary(
      TEST.labels.codes,
      detailed.predicted,
      detailed.outcomes,
      fitted.classes,
    );
    expect(summary.columnLabels).toEqual(['neg', 'pos', 'unparseable', 'refusal', 'error']);
    expect(summary.counts).toEqual({ label: 3, unparseable: 1, refusal: 1, error: 1, wrong: 0 });
    expect(summary.accuracy).toBeCloseTo(3 / 6, 12);
    // row neg: awful screen → neg, refuse this → refusal, broken server → error
    expect(Array.from(summary.confusion.data)).toEqual([1, 0, 0, 1, 1, 0, 2, 1, 0, 0]);
  });

  it('renders {{column}} templates from levels and numbers, and rejects an unknown column at fit', async () => {
    const seen: string[] = [];
    server = await startTestServer({
      answer: (body) => {
        seen.push(lastUser(body));
        return 'pos';
      },
    });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, template: '[{{ source }}] {{review}} ({{stars}}★)' },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    await fitted.predict(TEST.features);
    expect(seen.sort()).toContain('[web] great battery (0★)');
    await expect(
      createLlmClassifier({ base_url: server.baseURL, template: '{{comment}}' }, { env: {} }).fit(
        TRAIN.features,
        TRAIN.labels,
      ),
    ).rejects.toMatchObject({
      code: 'invalid_param',
      message: expect.stringContaining('review, source, stars'),
    });
  });

  it('parses with a regex and with structured JSON output (sending the label schema)', async () => {
    const formats: unknown[] = [];
    server = await startTestServer({
      answer: (body) => {
        formats.push(body.response_format);
        return body.response_format ? '{"label": "neg"}' : 'Reasoning... Answer: pos';
      },
    });
    const regex = await createLlmClassifier(
      { base_url: server.baseURL, parse: 'regex', regex: 'Answer:\\s*(\\w+)' },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    const byRegex = await regex.predictDetailed(TEST.features);
    expect(Array.from(byRegex.outcomes).every((code) => code === 0)).toBe(true);
    const json = await createLlmClassifier(
      { base_url: server.baseURL, structured_output: true },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    const byJson = await json.predictDetailed(TEST.features);
    expect(Array.from(byJson.predicted, (k) => json.classes[k])).toEqual(Array(6).fill('neg'));
    expect(formats.at(-1)).toMatchObject({
      type: 'json_schema',
      json_schema: { schema: { properties: { label: { enum: ['neg', 'pos'] } } } },
    });
  });

  it('fails fast on 401 with the hint and without the key', async () => {
    server = await startTestServer({ fault: () => ({ kind: 'status', status: 401 }) });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, api_key_env: 'K' },
      { env: { K: 'sk-abcdefghijklmnop' } },
    ).fit(TRAIN.features, TRAIN.labels);
    const error = await fitted.predict(TEST.features).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'llm_request_failed', statusCode: 401, isRetryable: false });
    expect(String((error as Error).message)).toContain('api_key_env');
    expect(String((error as Error).message)).not.toContain('sk-abcdefghijklmnop');
  });

  it('needs the key variable for OpenAI itself, and not for a local server', async () => {
    await expect(
      createLlmClassifier({}, { env: {} }).fit(TRAIN.features, TRAIN.labels),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('OPENAI_API_KEY is not set'),
    });
  });
});
