import { escapeHtml } from '../escape-html.js';

/** The viewer's pages need no script: the policy forbids all of it, and anything not inline or data:. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; }
header.viewer-nav { background: #24292f; padding: 0.6rem 1.5rem; }
header.viewer-nav a { color: #fff; text-decoration: none; font-weight: 600; margin-right: 1.5rem; }
main { padding: 1rem 1.5rem 2rem; max-width: 78rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #656d76; }
.side-by-side { display: flex; gap: 2rem; flex-wrap: wrap; }
/* A 59-class confusion table scrolls inside its half of the page; the page itself never scrolls sideways. */
.side-by-side > section { flex: 1 1 20rem; min-width: 0; overflow-x: auto; }
.better { color: #1a7f37; } .worse { color: #cf222e; }
.nowrap { white-space: nowrap; }
form.compare { margin: 1rem 0; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
`;

/** The navigation bar every viewer page starts with. */
const NAV_BAR = '<header class="viewer-nav"><a href="/">modeldebug runs</a></header>';

/** The same bar for a stored report, styled inline since the report's stylesheet does not know it. */
const REPORT_NAV_BAR =
  '<header class="viewer-nav" style="background:#24292f;padding:0.6rem 1.5rem;margin:0 0 1rem;font-family:sans-serif">' +
  '<a href="/" style="color:#fff;text-decoration:none;font-weight:600">modeldebug runs</a></header>';

/** A stored report with the viewer's bar put first in its body, so every page leads back to the list. */
export function withNavBar(reportHtml: string): string {
  const bodyTag = /<body\b[^>]*>/i.exec(reportHtml);
  if (!bodyTag) return REPORT_NAV_BAR + reportHtml;
  const at = bodyTag.index + bodyTag[0].length;
  return `${reportHtml.slice(0, at)}\n${REPORT_NAV_BAR}${reportHtml.slice(at)}`;
}

/** A whole page: `title` is plain text (escaped here), `body` is HTML the caller built from escaped parts. */
export function pageShell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${NAV_BAR}
<main>
${body}
</main>
</body>
</html>
`;
}

/** A page that says what went wrong (404, 400) with a way back to the list. */
export function messagePage(title: string, message: string): string {
  return pageShell(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p class="message">${escapeHtml(message)}</p>\n<p><a href="/">back to all runs</a></p>`,
  );
}
