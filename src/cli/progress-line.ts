/**
 * A one-line progress counter on stderr for interactive terminals only: piped output, CI logs and `--json`
 * stay clean.
 */
export function progressLine(
  label: string,
  enabled: boolean,
): ((done: number, total: number) => void) | undefined {
  if (!enabled || !process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(done < total ? `\r${label} ${done + 1}/${total}…` : '\r\u001b[2K');
  };
}
