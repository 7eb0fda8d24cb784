import type { LlmFront } from '../../analysis/llm/front/index.js';
import { costText, latencyText, statusText } from '../../report/sections/front-section.js';
import { fixed, textTable } from './text-table.js';

/** The arms' table (front first, cheapest first), the front, the race's economy and the findings. */
export function frontText(front: LlmFront, data: string, folds: number): string {
  const unit = front.costUnit === 'usd' ? '$' : 'tokens';
  const arms = [...front.arms].sort(
    (a, b) =>
      Number(b.status === 'front') - Number(a.status === 'front') || a.costPer1000Rows - b.costPer1000Rows,
  );
  const table = textTable(
    ['arm', 'rows', 'accuracy [95% CI]', `${unit}/1k rows`, 'p50 ms', 'p95 ms', 'calls', 'status'],
    arms.map((arm) => [
      arm.name,
      String(arm.rows),
      `${fixed(arm.accuracy.estimate, 3)} [${fixed(arm.accuracy.low, 3)}, ${fixed(arm.accuracy.high, 3)}]`,
      costText(arm.costPer1000Rows, front.costUnit),
      latencyText(arm.latencyMs.p50),
      latencyText(arm.latencyMs.p95),
      String(arm.httpCalls),
      arm.status === 'dominated' ? `stopped @${arm.stoppedAtRung}` : arm.status,
    ]),
  );
  const stopped = arms
    .filter((arm) => arm.status === 'dominated')
    .map((arm) => `  ${arm.name}: ${statusText(arm)}`);
  const rungs = front.rungs.map((rung) => `${rung.rows}×${rung.arms}`).join(' → ');
  const lines = [
    `Cost–accuracy front of ${front.arms.length} arms on ${data} (${front.rows} rows, out of fold over ${folds} folds; rungs of rows × arms: ${rungs || 'none'})`,
    table,
    ...(stopped.length > 0
      ? [
          '',
          `stopped early (beaten with confidence at no higher cost${front.objectives.includes('latency') ? ' and no clearly longer p95 latency' : ''}):`,
          ...stopped,
        ]
      : []),
    '',
    `front (cheapest first): ${front.front.length > 0 ? front.front.join('  →  ') : '(none measured)'}`,
    `race: ${front.answers} answers of the full grid's ${front.gridAnswers} (${fixed(front.answers / front.gridAnswers, 2)}×), ${front.httpCalls} HTTP calls${front.spent === null ? '' : `, spent $${front.spent.toPrecision(3)}`}${front.maxCost === null ? '' : ` (max cost $${front.maxCost})`}`,
  ];
  if (front.capCut !== null) {
    lines.push(
      `max cost cut the race at rung ${front.capCut.rung} (${front.capCut.rows} rows, ${front.capCut.arms} arms): ${front.capCut.reason}`,
    );
  }
  for (const finding of front.findings) {
    lines.push(`${finding.code}: ${finding.message}`, `  → ${finding.suggestion}`);
  }
  return lines.join('\n');
}
