import type { LlmFront } from '../analysis/llm/front/index.js';
import { pageHead } from './page-head.js';
import { html } from './safe-html.js';
import { frontSection } from './sections/front-section.js';

/** `modeldebug front --out DIR`: front.html, the chart and table of the race on one page. */
export async function renderFrontHtml(front: LlmFront, data: string): Promise<string> {
  const findings = front.findings.map(
    (finding) =>
      html`<li><code>${finding.code}</code> ${finding.message}<br><span class="muted">→ ${finding.suggestion}</span></li>`,
  );
  return html`${pageHead(`modeldebug front: ${data}`)}
<header>
<h1>modeldebug front</h1>
<p class="muted">${data} · ${front.arms.length} arms · ${front.rows} rows</p>
</header>
<main>
${await frontSection(front)}
${findings.length === 0 ? '' : html`<section id="findings"><h2>Findings</h2><ul>${findings}</ul></section>`}
</main>
</body>
</html>
`.value;
}
