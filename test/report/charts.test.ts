import { beforeAll, describe, expect, it } from 'vitest';
import {
  confusionMatrixChart,
  escapeHtml,
  featureRankingChart,
  html,
  importanceChart,
  isInertSvg,
  modelComparisonChart,
  precisionRecallChart,
  regularizationPathChart,
  reliabilityChart,
  renderSvg,
  rfecvScoresChart,
  rocChart,
  SafeHtml,
  scoreCurveChart,
  sliceErrorsChart,
} from '../../src/report/index.js';
import { type RunReport, runConfigSchema, runWorkflow } from '../../src/workflow/index.js';

let report: RunReport;
beforeAll(async () => {
  report = await runWorkflow(
    runConfigSchema.parse({
      data: { example: 'breast_cancer' },
      models: ['scale | logreg', 'gnb'],
      max_rows: 300,
      steps: { error_analysis: { n_boot: 50 }, final_test: { n_boot: 50 } },
    }),
  );
}, 180_000);

describe('chart specs render to SVG', () => {
  it('every chart of a real run', async () => {
    const s = report.sections;
    const specs = [
      modelComparisonChart(s.modelComparison!),
      scoreCurveChart({
        x: s.learningCurve!.trainSizes,
        xTitle: 'rows',
        xType: 'quantitative',
        points: s.learningCurve!.points,
        scoring: 'f1_weighted',
      }),
      scoreCurveChart({
        x: s.validationCurve!.values,
        xTitle: 'C',
        xType: 'ordinal',
        points: s.validationCurve!.points,
        scoring: 'f1_weighted',
      }),
      regularizationPathChart(s.regularization!),
      featureRankingChart(s.featureSelection!.rfecv!),
      rfecvScoresChart(s.featureSelection!.rfecv!),
      importanceChart(s.featureSelection!.importance!),
      confusionMatrixChart(s.finalTest!.confusion),
      reliabilityChart(s.finalTest!.calibration),
      rocChart(s.finalTest!.curves),
      precisionRecallChart(s.finalTest!.curves),
    ];
    for (const spec of specs) {
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(isInertSvg(svg)).toBe(true);
      // Marks were drawn, not just an empty frame.
      expect(svg).toMatch(/<path|<rect|<line/);
    }
    // A binary problem: one ROC curve, for the positive class, with its AUC in the legend.
    const roc = await renderSvg(rocChart(s.finalTest!.curves));
    expect(roc).toContain(`AUC ${s.finalTest!.curves[0].roc.auc.toFixed(3)}`);
  }, 60_000);

  it('slice error rates, with a hostile slice name kept as text', async () => {
    const svg = await renderSvg(
      sliceErrorsChart({
        model: 'm',
        protocol: 'p',
        rows: 100,
        errorRate: 0.1,
        overallErrorRate: 0.1,
        confusionPairs: [],
        weakSlices: [
          {
            slice: 'colour = <script>x</script>',
            support: 20,
            errorRate: 0.4,
            low: 0.22,
            high: 0.61,
            qValue: 0.01,
          },
          { slice: 'size [1, 2)', support: 30, errorRate: 0.3, low: 0.17, high: 0.48, qValue: 0.03 },
        ],
        suspectedLabelErrors: [],
        confidentlyWrong: [],
        textClusters: [],
        findings: [],
      }),
    );
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script');
    expect(isInertSvg(svg)).toBe(true);
  });

  it('the reliability diagram joins the non-empty bins in one line and sizes a point per bin', async () => {
    const bin = (low: number, count: number, meanConfidence: number | null, accuracy: number | null) => ({
      low,
      high: low + 0.25,
      count,
      meanConfidence,
      accuracy,
    });
    const svg = await renderSvg(
      reliabilityChart({
        kind: 'top-label',
        ece: 0.05,
        mce: 0.1,
        bins: [
          bin(0, 0, null, null),
          bin(0.25, 5, 0.4, 0.3),
          bin(0.5, 10, 0.6, 0.7),
          bin(0.75, 40, 0.9, 0.85),
        ],
      }),
    );
    const line =
      /class="mark-line role-mark layer_1_marks"[^>]*>\s*<path[^>]* d="([^"]+)"/.exec(svg)?.[1] ?? '';
    // Three bins with rows: one move and two line segments (the empty bin is left out, not drawn at 0).
    expect(line.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    const points = /class="mark-symbol role-mark layer_2_marks"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(points.match(/<path/g)).toHaveLength(3);
  });

  it('the confusion matrix shows counts and row-normalised shares', async () => {
    const svg = await renderSvg(
      confusionMatrixChart({
        labels: ['a', 'b'],
        counts: [
          [8, 2],
          [1, 9],
        ],
        rowNormalised: [
          [0.8, 0.2],
          [0.1, 0.9],
        ],
      }),
    );
    for (const text of ['8 (80%)', '2 (20%)', '1 (10%)', '9 (90%)']) expect(svg).toContain(text);
  });
});

describe('escaping', () => {
  it('escapeHtml covers the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('the html tag escapes every value but SafeHtml', () => {
    const label = '<img src=x onerror=alert(1)>';
    expect(html`<td>${label}</td>`.value).toBe('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html`<td>${new SafeHtml('<b>ok</b>')}${[1, '<', null]}</td>`.value).toBe(
      '<td><b>ok</b>1&lt;</td>',
    );
  });

  it('isInertSvg refuses scripts and handlers but not escaped text', () => {
    expect(isInertSvg('<svg><text>&lt;img onerror=alert(1)&gt;</text></svg>')).toBe(true);
    expect(isInertSvg('<svg><g aria-label="a onload=x"></g></svg>')).toBe(true);
    expect(isInertSvg('<svg><script>alert(1)</script></svg>')).toBe(false);
    expect(isInertSvg('<svg onload="alert(1)"></svg>')).toBe(false);
    expect(isInertSvg('<svg><a href="javascript:alert(1)"></a></svg>')).toBe(false);
  });
});
