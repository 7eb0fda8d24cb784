/** The report's only styling, inline: the file opens offline with nothing else. */
export const REPORT_CSS = `
:root { --fg: #1d2330; --muted: #667; --line: #e3e6ec; --fail: #c0392b; --warn: #b7791f; --info: #2b6cb0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg);
  margin: 0 auto; max-width: 1080px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f4f5f8; padding: 1px 4px; border-radius: 3px; }
.muted { color: var(--muted); font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; margin: 12px 0; }
.summary dl { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; }
#findings { padding-left: 22px; }
.finding { margin: 6px 0; }
.finding .badge { display: inline-block; min-width: 38px; font-size: 11px; text-transform: uppercase; font-weight: 600;
  color: white; border-radius: 3px; padding: 0 5px; text-align: center; }
.level-fail .badge { background: var(--fail); }
.level-warn .badge { background: var(--warn); }
.level-info .badge { background: var(--info); }
.fix { color: var(--muted); }
.gate { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
.gate-fail { border-color: var(--fail); background: #fdf2f1; }
.gate-pass { border-color: #38a169; background: #f0faf3; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th.num, td.num { text-align: right; }
figure.chart { margin: 12px 0; display: inline-block; vertical-align: top; max-width: 100%; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; }
.verdict { background: #f7f8fb; border-left: 3px solid var(--info); padding: 6px 10px; }
details { margin: 8px 0; }
nav a { margin-right: 10px; font-size: 13px; display: inline-block; }
/* Nothing may widen the page past a phone's screen: long names wrap, wide tables and matrices scroll in place. */
p, li, dd, h1, h2, h3, figcaption { overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
table { display: block; max-width: 100%; overflow-x: auto; }
.scroll { max-width: 100%; overflow-x: auto; }
details.spec { display: inline; }
details.spec[open] { display: block; }
@media (max-width: 600px) {
  body { padding: 12px; font-size: 14px; }
  h1 { font-size: 20px; }
}
`;
