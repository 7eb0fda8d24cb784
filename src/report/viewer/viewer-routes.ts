import { isModeldebugError } from '../../core/errors.js';
import type { RunRecord, RunStore } from '../../store/index.js';
import { comparePage } from './compare-page.js';
import { messagePage, withNavBar } from './page-shell.js';
import { runDetailsPage } from './run-details-page.js';
import { type StoredTestSet, storedTestSetSchema } from './run-difference.js';
import { type ComparableRun, isComparable, type RunOverview, runOverview } from './run-overview.js';
import { runsPage } from './runs-page.js';

export interface ViewerResponse {
  readonly status: number;
  readonly type: 'html' | 'json' | 'none';
  readonly body: string;
}

const html = (status: number, body: string): ViewerResponse => ({ status, type: 'html', body });
const json = (value: unknown): ViewerResponse => ({
  status: 200,
  type: 'json',
  body: `${JSON.stringify(value, null, 2)}\n`,
});
const notFound = (message: string) => html(404, messagePage('Not found', message));

/** Every page of the viewer, from a GET request's URL to the response; the server only transports it. */
export function routeViewerRequest(store: RunStore, url: URL): ViewerResponse {
  const path = url.pathname;
  if (path === '/') return html(200, runsPage(listOverviews(store), store.path));
  if (path === '/compare') return compare(store, url.searchParams);
  if (path === '/api/runs') return json(listOverviews(store));
  // Browsers ask for it unprompted; an empty answer keeps a 404 out of their console.
  if (path === '/favicon.ico') return { status: 204, type: 'none', body: '' };

  const runPath = /^\/(api\/)?runs\/([^/]+)(\/report\.json)?$/.exec(path);
  if (runPath) {
    const [, api, encodedId, reportJson] = runPath;
    const id = safeDecode(encodedId);
    const run = id === undefined ? undefined : findRun(store, id);
    if (!run) return notFound(`there is no run "${id ?? encodedId}" in this store`);
    if (api) return reportJson ? notFound(`no page ${path}`) : json({ ...run, overview: runOverview(run) });
    const report = store.getReport(run.id);
    if (reportJson) return report ? json(JSON.parse(report.json)) : notFound(`run ${run.id} has no report`);
    return html(200, report ? withNavBar(report.html) : runDetailsPage(run));
  }
  return notFound(`no page ${path}`);
}

function compare(store: RunStore, query: URLSearchParams): ViewerResponse {
  const ids = [query.get('a'), query.get('b')];
  if (!ids[0] || !ids[1]) {
    return html(400, messagePage('Pick two runs', 'compare needs two runs: /compare?a=RUN_ID&b=RUN_ID'));
  }
  const runs: ComparableRun[] = [];
  for (const id of ids) {
    const run = id === null ? undefined : findRun(store, id);
    if (!run) return notFound(`there is no run "${id}" in this store`);
    const overview = runOverview(run);
    if (!isComparable(overview)) {
      return html(
        400,
        messagePage(
          'Cannot compare',
          `run ${id} (${run.kind}, ${run.status}) has no report summary to compare`,
        ),
      );
    }
    runs.push({ ...overview, testSet: storedTestSet(store, run.id) });
  }
  return html(200, comparePage(runs[0], runs[1]));
}

/** The final test rows a stored report recorded (absent in reports written before they were kept). */
function storedTestSet(store: RunStore, id: string): StoredTestSet | undefined {
  const report = store.getReport(id);
  if (!report) return undefined;
  try {
    const parsed = storedTestSetSchema.safeParse(JSON.parse(report.json)?.sections?.finalTest?.testSet);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function listOverviews(store: RunStore): RunOverview[] {
  return store.listRuns(500).map(runOverview);
}

function findRun(store: RunStore, id: string): RunRecord | undefined {
  try {
    return store.getRun(id);
  } catch (error) {
    if (isModeldebugError(error)) return undefined;
    throw error;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
