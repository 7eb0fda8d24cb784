import { REPORT_CSS } from './report-css.js';
import { html, SafeHtml } from './safe-html.js';

/** The start of every report page up to `<body>`: no script, and a policy that loads nothing from outside. */
export function pageHead(title: string): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>`;
}
