export { type MetricDelta, metricDeltas } from './metric-deltas.js';
export {
  type ComparableRun,
  type ReportSummary,
  type RunOverview,
  reportSummarySchema,
  runOverview,
} from './run-overview.js';
export { routeViewerRequest, type ViewerResponse } from './viewer-routes.js';
export { isLoopbackHost, type RunningViewer, startViewer, type ViewerOptions } from './viewer-server.js';
