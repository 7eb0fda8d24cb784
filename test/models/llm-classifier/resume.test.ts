import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteCache } from '../../../src/llm/index.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { startTestServer, type TestServer } from '../../helpers/openai-test-server.js';
import { TEST, TRAIN } from './text-data.js';

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a killed LLM run resumes', () => {
  it('answers stream into the SQLite cache as they arrive, so the rerun calls only the missing rows', async () => {
    dir = mkdtempSync(join(tmpdir(), 'modeldebug-resume-'));
    const file = join(dir, 'cache.sqlite');
    server = await startTestServer({ answer: () => 'pos', latencyMs: 20 });
    const controller = new AbortController();
    const first = openSqliteCache(file);
    const make = (onProgress?: (p: { done: number }) => void) =>
      createLlmClassifier(
        { base_url: server!.baseURL, concurrency: 2 },
        { env: {}, cache: first, onProgress },
      );
    const killed = await make((p) => {
      if (p.done === 3) controller.abort(new Error('killed'));
    }).fit(TRAIN.features, TRAIN.labels, { signal: controller.signal });
    await expect(killed.predict(TEST.features)).rejects.toThrow('killed');
    const saved = first.size();
    expect(saved).toBeGreaterThanOrEqual(3);
    expect(saved).toBeLessThan(6);
    first.close();

    const before = server.requests();
    const second = openSqliteCache(file);
    const resumed = await createLlmClassifier({ base_url: server.baseURL }, { env: {}, cache: second }).fit(
      TRAIN.features,
      TRAIN.labels,
    );
    const detailed = await resumed.predictDetailed(TEST.features);
    expect(server.requests() - before).toBe(6 - saved);
    expect(detailed.usage.cacheHits).toBe(saved);
    second.close();
  });
});
