/** The closing `Warnings` section: one `- code: message` line per warning. */
export function formatWarnings(warnings: readonly { code: string; message: string }[]): string {
  return `Warnings\n${warnings.map((warning) => `- ${warning.code}: ${warning.message}`).join('\n')}`;
}
