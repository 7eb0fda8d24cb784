import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/report/index.js';

describe('escapeMarkdown', () => {
  it('turns markup in data into literal text: no HTML, no links, no table breaks', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](http://evil) | **bold** `code`\nnext';
    const escaped = escapeMarkdown(hostile);
    expect(escaped).not.toMatch(/<|>/);
    expect(escaped).not.toContain('\n');
    // Every pipe, bracket, star and backtick is escaped: none is left bare.
    expect(escaped.replace(/\\[|[\]*`]/g, '')).not.toMatch(/[|[\]*`]/);
    expect(escaped).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\[click\\](http://evil) \\| \\*\\*bold\\*\\* \\`code\\` next',
    );
  });
});
