import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isModeldebugError } from '../../src/core/errors.js';
import { metricDeltas, type RunningViewer, startViewer } from '../../src/report/viewer/index.js';
import { HOSTILE_IMG, HOSTILE_SCRIPT, type SeededStore, seedViewerStore } from '../helpers/viewer-runs.js';

const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

let seeded: SeededStore;
let viewer: RunningViewer;

const get = async (path: string, init?: RequestInit) => {
  const response = await fetch(new URL(path, viewer.url), init);
  return { response, text: await response.text() };
};

beforeAll(async () => {
  seeded = seedViewerStore();
  viewer = await startViewer({ storePath: seeded.storePath, port: 0 });
});
afterAll(() => viewer.close());

describe('viewer over HTTP', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(viewer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('lists every run: report runs, a search, a failed run and one whose summary it cannot read', async () => {
    const { response, text } = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const id of Object.values(seeded.ids)) expect(text).toContain(`href="/runs/${id}"`);
    // The search shows its dataset, pipeline and best score with the metric it was scored by.
    const searchRow = rowOf(text, seeded.ids.search);
    expect(searchRow).toContain('iris.csv');
    expect(searchRow).toContain('scale | logreg');
    expect(searchRow).toContain('0.9733 <span class="muted">f1_macro</span>');
    expect(searchRow).toContain('>details</a>');
    const olderRow = rowOf(text, seeded.ids.older);
    expect(olderRow).toContain('older.csv');
    expect(olderRow).toContain('logreg, tree');
    expect(olderRow).toContain('0.9000 <span class="muted">accuracy</span>');
    expect(olderRow).toContain('>report</a>');
    expect(rowOf(text, seeded.ids.odd)).toContain('example:wine');
    const failedRow = rowOf(text, seeded.ids.failed);
    expect(failedRow).toContain('<td>failed</td>');
    expect(failedRow).toContain('<td class="dataset">broken.csv</td>');
  });

  it('escapes data everywhere: the payloads arrive as text, never as markup', async () => {
    const pages = [
      '/',
      `/compare?a=${seeded.ids.older}&b=${seeded.ids.newer}`,
      `/runs/${seeded.ids.failed}`,
      `/runs/${encodeURIComponent(HOSTILE_SCRIPT)}`,
      `/compare?a=${encodeURIComponent(HOSTILE_IMG)}&b=${seeded.ids.newer}`,
    ];
    for (const path of pages) {
      const { text } = await get(path);
      expect(text, path).not.toContain('<img');
      expect(text, path).not.toContain('<script');
      expect(text, path).toContain('&lt;');
    }
    const { text } = await get('/');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  it('sends a policy that forbids scripts on every page, including errors', async () => {
    for (const path of [
      '/',
      `/runs/${seeded.ids.older}`,
      `/compare?a=${seeded.ids.older}`,
      '/nope',
      '/api/runs',
    ]) {
      const { response } = await get(path);
      expect(response.headers.get('content-security-policy'), path).toContain(POLICY);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('serves a stored report as stored, with a bar back to the list', async () => {
    const { response, text } = await get(`/runs/${seeded.ids.older}`);
    expect(response.status).toBe(200);
    expect(text).toContain('<div class="chart" data-chart="model-comparison"><svg');
    expect(text).toMatch(/<body>\n<header class="viewer-nav"[^>]*><a href="\/"/);
    const json = await get(`/runs/${seeded.ids.older}/report.json`);
    expect(JSON.parse(json.text)).toEqual({ version: 1 });
  });

  it('shows what the store knows of a run without a report', async () => {
    const { response, text } = await get(`/runs/${seeded.ids.search}`);
    expect(response.status).toBe(200);
    expect(text).toContain('no report is stored for this run');
    expect(text).toContain('&quot;best_score&quot;: 0.9733');
    const failed = await get(`/runs/${seeded.ids.failed}`);
    expect(failed.text).toContain(
      '<th>error</th><td>column &lt;script&gt;window.__pwned=1&lt;/script&gt; is missing',
    );
    expect((await get(`/runs/${seeded.ids.search}/report.json`)).response.status).toBe(404);
  });

  it('answers 404 for unknown pages and runs, 405 for anything but GET and HEAD', async () => {
    const page = await get('/nothing/here');
    expect(page.response.status).toBe(404);
    expect(page.text).toContain('no page /nothing/here');
    const run = await get('/runs/20990101-000000-ffff');
    expect(run.response.status).toBe(404);
    expect(run.text).toContain('there is no run &quot;20990101-000000-ffff&quot;');
    expect((await get('/runs/%E0%A4%A')).response.status).toBe(404);
    const post = await get('/', { method: 'POST' });
    expect(post.response.status).toBe(405);
    expect(post.response.headers.get('allow')).toBe('GET, HEAD');
    const head = await get('/', { method: 'HEAD' });
    expect(head.response.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('compares two runs: every metric with b − a, and both confusion matrices', async () => {
    const { response, text } = await get(`/compare?a=${seeded.ids.older}&b=${seeded.ids.newer}`);
    expect(response.status).toBe(200);
    // older: accuracy 0.9, f1_macro 0.8, log_loss null; newer: 0.95, 0.75, balanced_accuracy 0.7.
    expect(metricRow(text, 'accuracy')).toEqual(['0.9000', '0.9500', '+0.0500']);
    expect(metricRow(text, 'f1_macro')).toEqual(['0.8000', '0.7500', '-0.0500']);
    expect(metricRow(text, 'log_loss')).toEqual(['—', '—', '—']);
    expect(metricRow(text, 'balanced_accuracy')).toEqual(['—', '0.7000', '—']);
    expect(text).toContain('<td class="num delta better">+0.0500</td>');
    expect(text).toContain('<td class="num delta worse">-0.0500</td>');
    const tables: string[] = [...text.matchAll(/<table class="confusion">[\s\S]*?<\/table>/g)].map(
      (m) => m[0],
    );
    expect(tables).toHaveLength(2);
    expect(cellsOf(tables[0])).toEqual(['50', '10', '2', '58']);
    expect(tables[0]).toContain('<th>cat</th>');
    expect(cellsOf(tables[1])).toEqual(['90', '5', '5', '100']);
    expect(tables[1]).toContain('<th>&lt;img src=x onerror=alert(1)&gt;</th>');
    // 108/120 against 190/200 on test sets that cannot be paired (no stored rows): an unpaired test.
    expect(text).toMatch(
      /<p id="significance" class="not-significant">Tested on 120 test rows \(a\) and 200 \(b\): the difference in accuracy \(0\.9000 → 0\.9500\) is not significant at 5 %/,
    );
  });

  it('explains a comparison it cannot make', async () => {
    const missing = await get(`/compare?a=${seeded.ids.older}`);
    expect(missing.response.status).toBe(400);
    expect(missing.text).toContain('compare needs two runs');
    const search = await get(`/compare?a=${seeded.ids.older}&b=${seeded.ids.search}`);
    expect(search.response.status).toBe(400);
    expect(search.text).toContain(`run ${seeded.ids.search} (search, done) has no report summary`);
    expect((await get(`/compare?a=${seeded.ids.older}&b=nope`)).response.status).toBe(404);
  });

  it('lists the runs as JSON', async () => {
    const { response, text } = await get('/api/runs');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const runs = JSON.parse(text) as { id: string; bestScore?: number; dataset?: string }[];
    expect(runs.map((run) => run.id).sort()).toEqual(Object.values(seeded.ids).sort());
    expect(runs.find((run) => run.id === seeded.ids.newer)).toMatchObject({
      dataset: HOSTILE_IMG,
      bestScore: 0.95,
    });
  });
});

describe('startViewer', () => {
  it('refuses a store that does not exist instead of creating one', async () => {
    await expectErrorCode(
      () => startViewer({ storePath: '/nonexistent/runs.db', port: 0 }),
      'file_not_found',
      /no run store at \/nonexistent\/runs\.db/,
    );
  });

  it('says which port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expectErrorCode(
        () => startViewer({ storePath: seeded.storePath, port }),
        'invalid_argument',
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`),
      );
    } finally {
      blocker.close();
    }
  });
});

describe('metricDeltas', () => {
  it('keeps a then b order and leaves a dash where a side is missing or undefined', () => {
    expect(metricDeltas({ x: 1, y: null }, { z: 2, x: 0.5, y: 3 })).toEqual([
      { metric: 'x', a: 1, b: 0.5, delta: -0.5, improved: false },
      { metric: 'y', a: null, b: 3, delta: null, improved: null },
      { metric: 'z', a: null, b: 2, delta: null, improved: null },
    ]);
  });

  it('counts a lower loss as better and an unchanged score as neither', () => {
    const deltas = metricDeltas(
      { log_loss: 0.5, brier_score: 0.2, accuracy: 0.9, f1_macro: 0.7 },
      { log_loss: 0.4, brier_score: 0.3, accuracy: 0.9, f1_macro: 0.8 },
    );
    expect(deltas.map((delta) => [delta.metric, delta.improved])).toEqual([
      ['log_loss', true],
      ['brier_score', false],
      ['accuracy', null],
      ['f1_macro', true],
    ]);
  });
});

function rowOf(html: string, id: string): string {
  const match = new RegExp(`<tr data-run="${id}">[\\s\\S]*?</tr>`).exec(html);
  if (!match) throw new Error(`no row for run ${id}`);
  return match[0];
}

function metricRow(html: string, metric: string): string[] {
  const match = new RegExp(`<tr data-metric="${metric}">([\\s\\S]*?)</tr>`).exec(html);
  if (!match) throw new Error(`no row for metric ${metric}`);
  return cellsOf(match[1]);
}

function cellsOf(html: string): string[] {
  return [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1]);
}

async function expectErrorCode(run: () => Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isModeldebugError(error) ? error.code : String(error)).toBe(code);
  expect((error as Error).message).toMatch(message);
}
