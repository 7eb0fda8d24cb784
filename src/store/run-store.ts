import { randomBytes } from 'node:crypto';
import { ModeldebugError } from '../core/errors.js';
import { openSqliteCache, type SqliteCache } from '../llm/cache/sqlite-cache.js';
import type { Trial, TrialLog } from '../selection/search-types.js';
import { type LlmResultLog, openLlmResultLog } from './llm-result-log.js';
import { openDatabase, type SqliteDatabase } from './open-database.js';
import {
  claimRun,
  HEARTBEAT_MS,
  markInterruptedRuns,
  type ProcessIdentity,
  THIS_PROCESS,
} from './run-ownership.js';

export type RunKind = 'search' | 'curve' | 'vcurve' | 'run' | 'eval' | 'fix';
/** `interrupted`: the process running it was gone (killed, crashed) when the store was next opened. */
export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface RunRecord {
  readonly id: string;
  readonly kind: RunKind;
  readonly status: RunStatus;
  /** What the run needs to be repeated or resumed (data, label, model, strategy, cv …), as given. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly summary?: Readonly<Record<string, unknown>>;
  readonly error?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly trialCount: number;
}

/**
 * Runs and their trials in SQLite. Each trial is its own committed insert, so a search killed with
 * SIGKILL keeps every trial that had finished; `trialLog` hands them back on resume.
 */
export interface RunStore {
  readonly path: string;
  /** A new run, `running` and owned by this process (its heartbeat keeps it from reading as interrupted). */
  createRun(kind: RunKind, config: Readonly<Record<string, unknown>>): RunRecord;
  /**
   * Takes over a run to continue it (`search --resume`): it becomes `running` and this process's; throws
   * `run_busy` while another live process holds it, so two resumes never compute the same trials.
   */
  claimRun(runId: string): void;
  getRun(id: string): RunRecord;
  listRuns(limit?: number): RunRecord[];
  trials(runId: string): Trial[];
  trialLog(runId: string): TrialLog;
  setStatus(runId: string, status: RunStatus, details?: { summary?: unknown; error?: string }): void;
  /** Keeps a run's report (replacing an earlier one): the JSON document and its rendered HTML. */
  saveReport(runId: string, report: { json: string; html: string }): void;
  /** The stored report of a run, or undefined when it has none (a search, or a run that failed). */
  getReport(runId: string): { json: string; html: string } | undefined;
  /** The LLM response cache kept in this store (one per store: a rerun of any run hits it). */
  llmCache(): SqliteCache;
  /** A run's LLM calls, streamed in as each completes. */
  llmResults(runId: string): LlmResultLog;
  close(): void;
}

interface RunRow {
  id: string;
  kind: RunKind;
  status: RunStatus;
  config: string;
  summary: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  trial_count: number;
}

interface TrialRow {
  trial_index: number;
  params: string;
  status: 'ok' | 'failed';
  test_scores: string;
  train_scores: string | null;
  mean_score: number | null;
  std_score: number | null;
  fit_seconds: string;
  score_seconds: string;
  error: string | null;
  resource: number | null;
  iteration: number | null;
}

const RUN_COLUMNS = `r.*, (SELECT COUNT(*) FROM trials t WHERE t.run_id = r.id) AS trial_count`;

export interface RunStoreOptions {
  /** Who this process is, for the stale rule and the lease (tests play another process with it). */
  readonly self?: ProcessIdentity;
}

export function openRunStore(path: string, options: RunStoreOptions = {}): RunStore {
  const self = options.self ?? THIS_PROCESS;
  const db: SqliteDatabase = openDatabase(path);
  markInterruptedRuns(db, self);
  const insertRun = db.prepare(
    `INSERT INTO runs (id, kind, status, config, created_at, updated_at, owner_pid, owner_host, heartbeat_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const beat = db.prepare(
    'UPDATE runs SET heartbeat_at = ? WHERE id = ? AND owner_pid = ? AND owner_host = ?',
  );
  // The runs this process is running: their heartbeat tells other hosts they are alive.
  const owned = new Set<string>();
  const heartbeat = setInterval(() => {
    const now = new Date().toISOString();
    for (const id of owned) beat.run(now, id, self.pid, self.host);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const selectRun = db.prepare(`SELECT ${RUN_COLUMNS} FROM runs r WHERE r.id = ?`);
  const selectRuns = db.prepare(
    `SELECT ${RUN_COLUMNS} FROM runs r ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
  );
  const selectTrials = db.prepare('SELECT * FROM trials WHERE run_id = ? ORDER BY trial_index');
  const upsertTrial =
    db.prepare(`INSERT OR REPLACE INTO trials (run_id, trial_index, params, status, test_scores,
    train_scores, mean_score, std_score, fit_seconds, score_seconds, error, resource, iteration, completed_at)
    VALUES (@run_id, @trial_index, @params, @status, @test_scores, @train_scores, @mean_score, @std_score,
    @fit_seconds, @score_seconds, @error, @resource, @iteration, @completed_at)`);
  const updateStatus = db.prepare(
    'UPDATE runs SET status = ?, summary = COALESCE(?, summary), error = ?, updated_at = ? WHERE id = ?',
  );

  const upsertReport = db.prepare(
    'INSERT OR REPLACE INTO reports (run_id, json, html, created_at) VALUES (?, ?, ?, ?)',
  );
  const selectReport = db.prepare('SELECT json, html FROM reports WHERE run_id = ?');

  const getRun = (id: string): RunRecord => {
    const row = selectRun.get(id) as RunRow | undefined;
    if (!row) {
      throw new ModeldebugError('invalid_argument', `no run "${id}" in the run store`, {
        where: path,
        hint: 'list the runs with modeldebug runs (and --store PATH if the search used one)',
      });
    }
    return toRunRecord(row);
  };
  const trials = (runId: string): Trial[] => (selectTrials.all(runId) as TrialRow[]).map(toTrial);

  return {
    path,
    createRun(kind, config) {
      const now = new Date().toISOString();
      const id = `${now.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${randomBytes(2).toString('hex')}`;
      insertRun.run(id, kind, 'running', JSON.stringify(config), now, now, self.pid, self.host, now);
      owned.add(id);
      return getRun(id);
    },
    claimRun(runId) {
      getRun(runId);
      claimRun(db, runId, self);
      owned.add(runId);
    },
    getRun,
    listRuns: (limit = 50) => (selectRuns.all(limit) as RunRow[]).map(toRunRecord),
    trials,
    trialLog(runId) {
      const stored = new Map(trials(runId).map((trial) => [trial.index, trial]));
      return {
        find: (index) => stored.get(index),
        record(trial) {
          upsertTrial.run(fromTrial(runId, trial));
          stored.set(trial.index, trial);
        },
      };
    },
    setStatus(runId, status, details = {}) {
      if (status !== 'running') owned.delete(runId);
      const summary = details.summary === undefined ? null : JSON.stringify(details.summary);
      updateStatus.run(status, summary, details.error ?? null, new Date().toISOString(), runId);
    },
    saveReport(runId, report) {
      upsertReport.run(runId, report.json, report.html, new Date().toISOString());
    },
    getReport: (runId) => selectReport.get(runId) as { json: string; html: string } | undefined,
    llmCache: () => openSqliteCache(db),
    llmResults: (runId) => openLlmResultLog(db, runId),
    close: () => {
      clearInterval(heartbeat);
      db.close();
    },
  };
}

function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    config: JSON.parse(row.config),
    summary: row.summary === null ? undefined : JSON.parse(row.summary),
    error: row.error ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trialCount: row.trial_count,
  };
}

function toTrial(row: TrialRow): Trial {
  const trainScores =
    row.train_scores === null ? undefined : (JSON.parse(row.train_scores) as (number | null)[]);
  return {
    index: row.trial_index,
    params: JSON.parse(row.params),
    status: row.status,
    testScores: JSON.parse(row.test_scores),
    trainScores,
    meanTestScore: row.mean_score,
    stdTestScore: row.std_score,
    meanTrainScore: trainScores ? meanOrNull(trainScores) : undefined,
    fitSeconds: JSON.parse(row.fit_seconds),
    scoreSeconds: JSON.parse(row.score_seconds),
    error: row.error ?? undefined,
    resource: row.resource ?? undefined,
    iteration: row.iteration ?? undefined,
  };
}

function meanOrNull(values: readonly (number | null)[]): number | null {
  if (values.some((value) => value === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
}

/** Scores go in as JSON text: JSON keeps every float64 exactly (shortest round-trip repr). */
function fromTrial(runId: string, trial: Trial) {
  return {
    run_id: runId,
    trial_index: trial.index,
    params: JSON.stringify(trial.params),
    status: trial.status,
    test_scores: JSON.stringify(trial.testScores),
    train_scores: trial.trainScores === undefined ? null : JSON.stringify(trial.trainScores),
    mean_score: trial.meanTestScore,
    std_score: trial.stdTestScore,
    fit_seconds: JSON.stringify(trial.fitSeconds),
    score_seconds: JSON.stringify(trial.scoreSeconds),
    error: trial.error ?? null,
    resource: trial.resource ?? null,
    iteration: trial.iteration ?? null,
    completed_at: new Date().toISOString(),
  };
}
