import { afterEach, describe, expect, it } from 'vitest';
import { llmOutOfFold } from '../../src/analysis/llm/llm-out-of-fold.js';
import { buildModel, loadModel, parseModelSpec } from '../../src/catalog/index.js';
import { numericFeatures } from '../../src/core/features.js';
import { createEmbeddingTransformer } from '../../src/features/embeddings/index.js';
import { createLogisticRegression } from '../../src/models/logistic-regression/index.js';
import { stratifiedKFold } from '../../src/splits/index.js';
import { reviewDataset } from '../analysis/llm-reviews.js';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { serverVector } from '../llm/server-vector.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const { features, labels, texts } = reviewDataset();

describe('embed transformer', () => {
  it('replaces a text column by its vectors and passes the other columns through', async () => {
    server = await startTestServer();
    const embed = createEmbeddingTransformer({ base_url: server.baseURL, model: 'e' }, { env: {} });
    const fitted = await embed.fit(features);
    const out = fitted.transform(features);
    expect(fitted.dimensions).toBe(8);
    expect(out.columns.map((column) => column.name)).toEqual([
      ...Array.from({ length: 8 }, (_, d) => `review:e${d}`),
      'source',
      'stars',
    ]);
    expect(Array.from(out.data.subarray(0, 8))).toEqual(serverVector(texts[0]));
    expect(out.data[10 * out.cols + 9]).toBe(features.data[10 * 3 + 2]); // row 10's stars
    // 40 distinct texts in one batch of 64: one request; a refit on the same transformer hits the cache.
    expect(server.requests()).toBe(1);
    await embed.withParams({ batch_size: 8 }).fit(features);
    expect(server.requests()).toBe(1);
  });

  it('is a linear probe in a model spec: embed | logreg equals logreg on the vectors, fold for fold', async () => {
    server = await startTestServer();
    const folds = stratifiedKFold(labels.codes, 4).folds;
    const probe = buildModel(
      parseModelSpec(`embed(base_url=${server.baseURL}, model=e, columns=["review"]) | logreg(C=1)`),
    );
    const withoutOthers = { ...features, cols: 1, data: Float64Array.from({ length: 40 }, (_, i) => i) };
    const onlyReview = { ...withoutOthers, columns: [features.columns[0]] };
    const viaPipeline = await llmOutOfFold(probe, onlyReview, labels, folds);
    const vectors = numericFeatures({
      rows: 40,
      cols: 8,
      data: Float64Array.from(texts.flatMap(serverVector)),
    });
    const direct = await llmOutOfFold(createLogisticRegression({ C: 1 }), vectors, labels, folds);
    expect(Array.from(viaPipeline.predicted)).toEqual(Array.from(direct.predicted));
  });

  it('saves with its vectors: a loaded embed | logreg predicts the same with the endpoint gone', async () => {
    server = await startTestServer();
    const probe = buildModel(parseModelSpec(`embed(base_url=${server.baseURL}, model=e) | onehot | logreg`));
    const fitted = await probe.fit(features, labels);
    const before = await fitted.predictProba(features);
    await server.close();
    server = undefined;
    const loaded = loadModel(JSON.parse(JSON.stringify(fitted.toJSON())));
    const after = await loaded.predictProba(features);
    expect(Array.from(after.data)).toEqual(Array.from(before.data));
  });

  it('says what to do when there is no text column, or a column cannot be embedded', async () => {
    const embed = createEmbeddingTransformer({ base_url: 'http://127.0.0.1:9/v1' }, { env: {} });
    const numeric = numericFeatures({ rows: 1, cols: 1, data: Float64Array.of(1) });
    await expect(embed.fit(numeric)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(embed.withParams({ columns: ['stars'] }).fit(features)).rejects.toMatchObject({
      code: 'invalid_param',
    });
    expect(() => createEmbeddingTransformer({ api_key: 'sk-x' })).toThrow(/no "api_key" param/);
    await expect(createEmbeddingTransformer({}, { env: {} }).fit(features)).rejects.toThrow(
      /OPENAI_API_KEY is not set/,
    );
  });
});
