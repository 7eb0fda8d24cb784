import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import { datasetPath } from './fixtures.js';
import { instructionSensitiveModel, truthOf } from './instruction-sensitive-model.js';
import { startTestServer, type TestServer } from './openai-test-server.js';

/** The bundled spam sample, the model that knows its labels, and a temp folder (store, outputs). */
export interface SpamLlmServer {
  readonly data: string;
  server(): TestServer;
  folder(): string;
}

/** For a CLI test file: the instruction-sensitive model on the spam sample, started once per file. */
export function useSpamLlmServer(prefix: string): SpamLlmServer {
  let server: TestServer | undefined;
  let folder = '';
  const data = datasetPath('spam_assassin_600.csv');
  beforeAll(async () => {
    const truth = truthOf(await loadDataset(data, { label: 'label' }));
    server = await startTestServer({ answer: instructionSensitiveModel(truth) });
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => server?.close());
  return {
    data,
    server: () => server as TestServer,
    folder: () => folder,
  };
}
