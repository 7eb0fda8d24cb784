import type { RunReport } from '../workflow/index.js';
import type { SectionHtml } from './html-parts.js';
import { abbreviateModelSpec } from './model-names.js';
import { pageHead } from './page-head.js';
import { html } from './safe-html.js';
import { runFrontSection } from './sections/front-section.js';
import { llmCalibrationSection } from './sections/llm-calibration-html.js';
import { llmRobustnessSection } from './sections/llm-robustness-html.js';
import {
  budgetBlock,
  findingsList,
  gateBlock,
  renderModelComparisonSection,
  renderValidationSection,
  skippedBlock,
  summaryBlock,
  timingsBlock,
} from './sections/overview-sections-html.js';
import {
  renderEnsembleSection,
  renderErrorAnalysisSection,
  renderFeatureSelectionSection,
  renderFinalTestSection,
} from './sections/result-sections-html.js';
import {
  renderEpochCurveSection,
  renderLearningCurveSection,
  renderRegularizationSection,
  renderSearchSection,
  renderValidationCurveSection,
} from './sections/tuning-sections-html.js';

/**
 * The self-contained report page: findings first, then each section's evidence with its charts as inline
 * SVG. No script, no external resource; every data or model string is escaped by the `html` tag.
 */
export async function renderReportHtml(report: RunReport): Promise<string> {
  const sections: (SectionHtml | undefined)[] = [];
  // In page order; charts render one at a time (Vega views are not cheap).
  sections.push(renderValidationSection(report));
  sections.push(await renderModelComparisonSection(report));
  sections.push(await runFrontSection(report));
  sections.push(await renderLearningCurveSection(report));
  sections.push(await renderEpochCurveSection(report));
  sections.push(await renderValidationCurveSection(report));
  sections.push(renderSearchSection(report));
  sections.push(await renderRegularizationSection(report));
  sections.push(await renderFeatureSelectionSection(report));
  sections.push(renderEnsembleSection(report));
  sections.push(llmCalibrationSection(report));
  sections.push(llmRobustnessSection(report));
  sections.push(await renderErrorAnalysisSection(report));
  sections.push(await renderFinalTestSection(report));
  const present = sections.filter((part): part is SectionHtml => part !== undefined);
  const navigation = present.map((part) => html`<a href="#${part.id}">${part.title}</a>`);
  const { summary } = report;
  const page = html`${pageHead(`modeldebug report: ${summary.dataset}`)}
<header>
<h1>modeldebug report</h1>
<p class="muted">${summary.dataset} · ${summary.rows} rows · best model <code title="${summary.bestModel}">${abbreviateModelSpec(summary.bestModel)}</code> · ${summary.metric} ${summary.bestScore.toFixed(4)}</p>
<nav><a href="#findings">Findings</a>${navigation}</nav>
</header>
<main>
${gateBlock(report)}
${summaryBlock(report)}
<h2>Findings</h2>
${findingsList(report)}
${present}
${skippedBlock(report)}
${budgetBlock(report)}
${timingsBlock(report)}
</main>
</body>
</html>
`;
  return page.value;
}
