import type { FrontArmResult, LlmFront } from '../../analysis/llm/front/index.js';
import type { RunReport } from '../../workflow/index.js';
import { frontChart } from '../charts/front-chart.js';
import { fixed } from '../format-values.js';
import { chart, paragraph, type SectionHtml, section, table } from '../html-parts.js';

/** What a cost per 1,000 rows prints as: dollars to 3 significant digits, or whole tokens. */
export function costText(value: number, unit: LlmFront['costUnit']): string {
  if (!Number.isFinite(value)) return '–';
  return unit === 'usd' ? `$${value.toPrecision(3)}` : `${Math.round(value)}`;
}

export function latencyText(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)}`;
}

export function statusText(arm: FrontArmResult): string {
  if (arm.status === 'dominated')
    return `stopped after rung ${arm.stoppedAtRung} (beaten by ${arm.dominatedBy})`;
  return arm.status;
}

/** The cost–accuracy front: the chart, every arm's row, the race's rungs and what the spend cap cut. */
export async function frontSection(front: LlmFront, id = 'llm-front'): Promise<SectionHtml> {
  const unit = front.costUnit === 'usd' ? '$' : 'tokens';
  const arms = [...front.arms].sort(
    (a, b) =>
      Number(b.status === 'front') - Number(a.status === 'front') || a.costPer1000Rows - b.costPer1000Rows,
  );
  const rungs = front.rungs
    .map(
      (rung) =>
        `${rung.rows} rows × ${rung.arms} arms${rung.stopped.length > 0 ? ` (${rung.stopped.length} stopped)` : ''}`,
    )
    .join(' → ');
  return section(id, 'Cost–accuracy front', [
    paragraph(
      `${front.arms.length} arms raced on ${front.rows} rows by successive halving: every arm answered the same stratified rows, out of fold; an arm whose accuracy's 95 % upper bound fell below another's lower bound at no higher cost stopped spending. Rungs: ${rungs || 'none'}.`,
    ),
    await chart(
      'llm-front',
      frontChart(front),
      `Accuracy (Wilson 95 % interval) against cost per 1,000 rows; the front (green) joined and named`,
    ),
    table(
      [
        'arm',
        'status',
        'rows',
        'accuracy',
        '95 % CI',
        `cost / 1k rows (${unit})`,
        'tokens / 1k rows',
        'p50 ms',
        'p95 ms',
        'HTTP calls',
      ],
      arms.map((arm) => [
        arm.name,
        statusText(arm),
        String(arm.rows),
        fixed(arm.accuracy.estimate, 3),
        `${fixed(arm.accuracy.low, 3)}–${fixed(arm.accuracy.high, 3)}`,
        costText(arm.costPer1000Rows, front.costUnit),
        String(Math.round(arm.tokensPer1000Rows)),
        latencyText(arm.latencyMs.p50),
        latencyText(arm.latencyMs.p95),
        String(arm.httpCalls),
      ]),
      2,
    ),
    paragraph(
      `The race used ${front.answers} answers where the full grid needs ${front.gridAnswers} (${fixed(front.answers / front.gridAnswers, 2)}×); ${front.httpCalls} HTTP calls${front.httpCalls < front.answers ? ' (the rest from the cache)' : ''}${front.spent === null ? '' : `; spent $${front.spent.toPrecision(3)}`}${front.maxCost === null ? '' : ` of max cost $${front.maxCost}`}.`,
    ),
    ...(front.capCut === null
      ? []
      : [
          paragraph(
            `Max cost cut the race at rung ${front.capCut.rung} (${front.capCut.rows} rows, ${front.capCut.arms} arms): ${front.capCut.reason}. Accuracies are on the rows answered before it.`,
          ),
        ]),
  ]);
}

/** `run`'s section, when the run had LLM models. */
export async function runFrontSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.llmFront;
  return data === undefined ? undefined : frontSection(data, 'llm-front');
}
