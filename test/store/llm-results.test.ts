import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteCache } from '../../src/llm/index.js';
import type { LlmItemRecord } from '../../src/models/llm-classifier/item-record.js';
import { MIGRATIONS, migrate, openRunStore } from '../../src/store/index.js';

const tempStore = () => join(mkdtempSync(join(tmpdir(), 'modeldebug-store-')), 'runs.db');

const item = (row: number, overrides: Partial<LlmItemRecord> = {}): LlmItemRecord => ({
  row,
  sample: 0,
  outcome: 'label',
  label: 'spam',
  answer: 'spam',
  cached: false,
  promptTokens: 100,
  completionTokens: 2,
  costUsd: 0.001,
  ...overrides,
});

const answer = {
  choices: [{ text: 'spam', finishReason: 'stop' }],
  usage: { promptTokens: 9, completionTokens: 1 },
};

describe('LLM results in the run store (migration 3)', () => {
  it('keeps a run’s items in completion order and adds up tokens, cost and outcomes', () => {
    const store = openRunStore(tempStore());
    const run = store.createRun('eval', { model: 'llm' });
    const log = store.llmResults(run.id);
    log.record(item(3));
    log.record(item(0, { outcome: 'unparseable', label: null, answer: 'maybe', costUsd: 0.002 }));
    log.record(
      item(1, {
        outcome: 'error',
        label: null,
        answer: '[timeout] …',
        promptTokens: 0,
        completionTokens: 0,
        costUsd: 0,
      }),
    );
    log.record(item(2, { cached: true, costUsd: 0 }));
    expect([...log.items()].map((stored) => stored.row)).toEqual([3, 0, 1, 2]);
    expect([...log.items()][1]).toEqual(
      item(0, { outcome: 'unparseable', label: null, answer: 'maybe', costUsd: 0.002 }),
    );
    expect(log.totals()).toEqual({
      items: 4,
      cached: 1,
      // The cached item's tokens were paid by an earlier run.
      promptTokens: 200,
      completionTokens: 4,
      costUsd: 0.003,
      outcomes: { label: 2, unparseable: 1, refusal: 0, error: 1 },
    });
    // A second log of the same run (a resumed process) appends after what is there.
    store.llmResults(run.id).record(item(4, { costUsd: undefined }));
    // One unpriced paid item makes the run's cost unknown: tokens only.
    expect(store.llmResults(run.id).totals()).toMatchObject({ items: 5, costUsd: null });
    store.close();
  });

  it('holds the response cache in the store file, readable by a standalone cache on the same file', async () => {
    const path = tempStore();
    const store = openRunStore(path);
    await store.llmCache().set('v1:abc', answer);
    store.close();
    const standalone = openSqliteCache(path);
    expect(await standalone.get('v1:abc')).toEqual(answer);
    expect(standalone.size()).toBe(1);
    standalone.close();
  });

  it('upgrades a file used as a standalone cache before migration 3, keeping its answers', async () => {
    const path = tempStore();
    const standalone = openSqliteCache(path);
    await standalone.set('v1:old', answer);
    standalone.close();
    const db = new Database(path);
    migrate(db, MIGRATIONS);
    const store = openRunStore(path);
    expect(await store.llmCache().get('v1:old')).toEqual(answer);
    store.close();
    db.close();
  });

  it('deletes a run’s items with the run', () => {
    const path = tempStore();
    const store = openRunStore(path);
    const run = store.createRun('eval', {});
    store.llmResults(run.id).record(item(0));
    store.close();
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM runs WHERE id = ?').run(run.id);
    expect((db.prepare('SELECT COUNT(*) AS n FROM llm_results').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
