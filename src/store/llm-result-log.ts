import type { LlmItemRecord } from '../models/llm-classifier/item-record.js';
import type { LlmOutcome } from '../models/llm-classifier/llm-outcome.js';
import type { SqliteDatabase } from './open-database.js';

/** What a run's stored items add up to: the per-run tokens and cost, and rows per outcome. */
export interface LlmResultTotals {
  readonly items: number;
  readonly cached: number;
  /** Tokens this run paid for: cached answers are left out (their tokens are on their items). */
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** null when some item had no price (tokens only). */
  readonly costUsd: number | null;
  readonly outcomes: Readonly<Record<LlmOutcome, number>>;
}

/** The items of one run, appended in completion order; each insert commits on its own. */
export interface LlmResultLog {
  record(item: LlmItemRecord): void;
  /** Every stored item, in completion order (an iterator: a 100,000-item run is not loaded at once). */
  items(): IterableIterator<LlmItemRecord>;
  totals(): LlmResultTotals;
}

interface ItemRow {
  row_index: number;
  sample_index: number;
  outcome: LlmOutcome;
  label: string | null;
  answer: string;
  cached: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number | null;
}

/**
 * Streams a run's finished LLM calls into `llm_results`. An autocommit insert per item costs a few
 * microseconds under WAL with synchronous=NORMAL (bench/llm.ts measures it), far below one HTTP call, so
 * a killed run loses nothing that finished and nothing is held in memory.
 */
export function openLlmResultLog(db: SqliteDatabase, runId: string): LlmResultLog {
  const insert = db.prepare(`INSERT INTO llm_results (run_id, seq, row_index, sample_index, outcome, label,
    answer, cached, prompt_tokens, completion_tokens, cost_usd, completed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const select = db.prepare('SELECT * FROM llm_results WHERE run_id = ? ORDER BY seq');
  const sums = db.prepare(`SELECT COUNT(*) AS items, COALESCE(SUM(cached), 0) AS cached,
    COALESCE(SUM(prompt_tokens * (1 - cached)), 0) AS prompt,
    COALESCE(SUM(completion_tokens * (1 - cached)), 0) AS completion,
    SUM(cost_usd) AS cost, SUM(cost_usd IS NULL) AS unpriced FROM llm_results WHERE run_id = ?`);
  const byOutcome = db.prepare(
    'SELECT outcome, COUNT(*) AS n FROM llm_results WHERE run_id = ? GROUP BY outcome',
  );
  const next = db.prepare('SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM llm_results WHERE run_id = ?');
  let seq = (next.get(runId) as { seq: number }).seq;
  return {
    record(item) {
      insert.run(
        runId,
        seq++,
        item.row,
        item.sample,
        item.outcome,
        item.label,
        item.answer,
        item.cached ? 1 : 0,
        item.promptTokens,
        item.completionTokens,
        item.costUsd ?? null,
        Date.now(),
      );
    },
    *items() {
      for (const row of select.iterate(runId) as IterableIterator<ItemRow>) yield toItem(row);
    },
    totals() {
      const total = sums.get(runId) as {
        items: number;
        cached: number;
        prompt: number;
        completion: number;
        cost: number | null;
        unpriced: number | null;
      };
      const outcomes = { label: 0, unparseable: 0, refusal: 0, error: 0 };
      for (const row of byOutcome.all(runId) as { outcome: LlmOutcome; n: number }[]) {
        outcomes[row.outcome] = row.n;
      }
      return {
        items: total.items,
        cached: total.cached,
        promptTokens: total.prompt,
        completionTokens: total.completion,
        costUsd: (total.unpriced ?? 0) > 0 ? null : (total.cost ?? 0),
        outcomes,
      };
    },
  };
}

function toItem(row: ItemRow): LlmItemRecord {
  return {
    row: row.row_index,
    sample: row.sample_index,
    outcome: row.outcome,
    label: row.label,
    answer: row.answer,
    cached: row.cached === 1,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    costUsd: row.cost_usd ?? undefined,
  };
}
