import type { TopLevelSpec } from 'vega-lite';
import { ModeldebugError } from '../core/errors.js';
import { renderSvg } from './render-svg.js';
import { html, SafeHtml } from './safe-html.js';

/** A table; every cell is escaped (pass SafeHtml for markup of our own). */
export function table(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  numericFrom = 1,
): SafeHtml {
  return html`<table><thead><tr>${headers.map(
    (header, j) => html`<th${j >= numericFrom ? new SafeHtml(' class="num"') : ''}>${header}</th>`,
  )}</tr></thead><tbody>${rows.map(
    (row) =>
      html`<tr>${row.map(
        (cell, j) => html`<td${j >= numericFrom ? new SafeHtml(' class="num"') : ''}>${cell}</td>`,
      )}</tr>`,
  )}</tbody></table>`;
}

/**
 * A chart rendered to inline SVG inside `<figure class="chart" data-chart="name">`. The SVG comes from
 * Vega, which escapes its text; it is checked anyway, as the one markup we do not write ourselves.
 */
export async function chart(name: string, spec: TopLevelSpec, caption: string): Promise<SafeHtml> {
  const svg = await renderSvg(spec);
  if (!svg.startsWith('<svg') || !isInertSvg(svg)) {
    throw new ModeldebugError('internal', `chart ${name} rendered to unexpected markup`);
  }
  return html`<figure class="chart" data-chart="${name}">${new SafeHtml(svg)}<figcaption>${caption}</figcaption></figure>`;
}

/** A report section's markup with its id (what findings link to) and title (for the navigation). */
export class SectionHtml extends SafeHtml {
  constructor(
    value: string,
    readonly id: string,
    readonly title: string,
  ) {
    super(value);
  }
}

export function section(id: string, title: string, body: SafeHtml | readonly SafeHtml[]): SectionHtml {
  return new SectionHtml(html`<section id="${id}"><h2>${title}</h2>${body}</section>`.value, id, title);
}

export function paragraph(text: string): SafeHtml {
  return html`<p>${text}</p>`;
}

/**
 * No script element and no event-handler attribute in any tag. Text and attribute values hold escaped
 * data (`&lt;img onerror=…&gt;` is harmless text), so values are blanked before attribute names are read.
 */
export function isInertSvg(svg: string): boolean {
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    const names = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/^<\s*(script|foreignobject|iframe)/i.test(names) || /\son\w+\s*=/i.test(names)) return false;
    if (/(href|src)\s*=\s*"\s*javascript:/i.test(tag)) return false;
  }
  return true;
}
