import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trial } from '../../src/selection/index.js';
import { MIGRATIONS, migrate, openDatabase, openRunStore } from '../../src/store/index.js';

const tempStore = () => join(mkdtempSync(join(tmpdir(), 'modeldebug-store-')), 'nested', 'runs.db');

const trial = (index: number, overrides: Partial<Trial> = {}): Trial => ({
  index,
  params: { C: 0.1 * (index + 1), penalty: 'l2' },
  status: 'ok',
  testScores: [0.1 + 0.2, 1 / 3, 0.9],
  meanTestScore: (0.1 + 0.2 + 1 / 3 + 0.9) / 3,
  stdTestScore: 0.25,
  fitSeconds: [0.01, 0.02, 0.03],
  scoreSeconds: [0.001, 0.001, 0.001],
  ...overrides,
});

describe('run store', () => {
  it('creates the file in WAL mode with numbered migrations applied once', () => {
    const path = tempStore();
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version })));
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    db.close();
  });

  it('refuses a store written by a newer schema', () => {
    const path = tempStore();
    const db = openDatabase(path);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'now')").run();
    db.close();
    expect(() => openDatabase(path)).toThrow(/schema version 99/);
  });

  it('stores runs and trials exactly (floats, nulls, failures) and lists them', () => {
    const store = openRunStore(tempStore());
    const run = store.createRun('search', { model: 'logreg', grid: ['C=0.1,1'] });
    expect(run.status).toBe('running');
    const log = store.trialLog(run.id);
    log.record(trial(0));
    log.record(
      trial(1, {
        status: 'failed',
        testScores: [0.5, null, 0.7],
        meanTestScore: null,
        stdTestScore: null,
        error: 'invalid value for C',
      }),
    );
    expect(store.trials(run.id)).toEqual([
      {
        ...trial(0),
        trainScores: undefined,
        meanTrainScore: undefined,
        error: undefined,
        resource: undefined,
        iteration: undefined,
      },
      expect.objectContaining({
        index: 1,
        status: 'failed',
        testScores: [0.5, null, 0.7],
        error: 'invalid value for C',
      }),
    ]);
    expect(store.trialLog(run.id).find(0)?.testScores).toEqual([0.1 + 0.2, 1 / 3, 0.9]);
    store.setStatus(run.id, 'done', { summary: { best_score: 0.9 } });
    const [listed] = store.listRuns();
    expect(listed).toMatchObject({ id: run.id, status: 'done', trialCount: 2, summary: { best_score: 0.9 } });
    expect(() => store.getRun('nope')).toThrow(/no run "nope"/);
    store.close();
  });
});

describe('run store reports', () => {
  it('keeps the latest report of a run and has none for a run without one', () => {
    const store = openRunStore(tempStore());
    const run = store.createRun('run', { data: 'iris.csv' });
    const other = store.createRun('search', { model: 'logreg' });
    expect(store.getReport(run.id)).toBeUndefined();
    store.saveReport(run.id, { json: '{"v":1}', html: '<p>first</p>' });
    store.saveReport(run.id, { json: '{"v":2}', html: '<p>second</p>' });
    expect(store.getReport(run.id)).toEqual({ json: '{"v":2}', html: '<p>second</p>' });
    expect(store.getReport(other.id)).toBeUndefined();
    store.close();
  });
});
