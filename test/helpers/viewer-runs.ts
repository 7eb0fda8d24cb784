import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRunStore } from '../../src/store/index.js';

/** Text a hostile CSV could put in a dataset name, a label or a model name. */
export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '<script>window.__pwned=1</script>';

export interface SeededStore {
  readonly storePath: string;
  /** Two finished `run`s with reports (older first), a search, a failed run and a run with a summary of unknown shape. */
  readonly ids: { older: string; newer: string; search: string; failed: string; odd: string };
}

/**
 * A report page shaped like the real one (inline <svg> charts in `.chart[data-chart]`, findings in
 * #findings), hand-made so the viewer's tests do not depend on the report renderer.
 */
function reportHtml(title: string, bars: readonly number[]): string {
  const rects = bars
    .map((height, index) => `<rect x="${index * 30}" y="${100 - height}" width="20" height="${height}"/>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif}</style></head>
<body><h1>${title}</h1>
<ul id="findings"><li class="finding">accuracy is 0.9</li></ul>
<div class="chart" data-chart="model-comparison"><svg xmlns="http://www.w3.org/2000/svg" width="120" height="100">${rects}</svg></div>
</body></html>`;
}

/** A fresh store holding one run of every shape the viewer must list. */
export function seedViewerStore(): SeededStore {
  const storePath = join(mkdtempSync(join(tmpdir(), 'modeldebug-viewer-')), 'runs.db');
  const store = openRunStore(storePath);
  try {
    const older = store.createRun('run', { data: '/data/older.csv', label: 'y' });
    store.setStatus(older.id, 'done', {
      summary: {
        dataset: 'older.csv',
        rows: 120,
        models: ['logreg', 'tree'],
        bestModel: 'logreg',
        metric: 'accuracy',
        bestScore: 0.9,
        metrics: { accuracy: 0.9, f1_macro: 0.8, log_loss: null },
        confusion: {
          labels: ['cat', 'dog'],
          counts: [
            [50, 10],
            [2, 58],
          ],
        },
      },
    });
    store.saveReport(older.id, { json: '{"version":1}', html: reportHtml('Older report', [40, 80]) });

    const newer = store.createRun('run', { data: '/data/hostile.csv', label: 'y' });
    store.setStatus(newer.id, 'done', {
      summary: {
        dataset: HOSTILE_IMG,
        rows: 200,
        models: ['logreg', HOSTILE_SCRIPT],
        bestModel: HOSTILE_SCRIPT,
        metric: 'accuracy',
        bestScore: 0.95,
        metrics: { accuracy: 0.95, f1_macro: 0.75, balanced_accuracy: 0.7 },
        confusion: {
          labels: [HOSTILE_IMG, 'dog'],
          counts: [
            [90, 5],
            [5, 100],
          ],
        },
      },
    });
    store.saveReport(newer.id, { json: '{"version":1}', html: reportHtml('Newer report', [60, 20, 90]) });

    const search = store.createRun('search', {
      data: '/data/iris.csv',
      example: null,
      steps: [
        { name: 'scale', params: {} },
        { name: 'logreg', params: {} },
      ],
      scoring: 'f1_macro',
    });
    store.setStatus(search.id, 'done', {
      summary: { best_params: { C: 1 }, best_score: 0.9733, best_index: 2, trials: 4 },
    });

    // As `modeldebug run` stores its config: the data as { train | example }.
    const failed = store.createRun('run', { data: { train: '/data/broken.csv', label: 'y' } });
    store.setStatus(failed.id, 'failed', { error: `column ${HOSTILE_SCRIPT} is missing` });

    const odd = store.createRun('curve', { example: 'wine' });
    store.setStatus(odd.id, 'done', { summary: { dataset: 42, verdict: 'overfitting' } });

    return {
      storePath,
      ids: { older: older.id, newer: newer.id, search: search.id, failed: failed.id, odd: odd.id },
    };
  } finally {
    store.close();
  }
}
