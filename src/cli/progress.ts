/**
 * Progress for long jobs on standard error: a redrawn bar on a terminal, plain lines (at most one
 * per 10 %) when piped into a log, so CI logs stay readable.
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const ratio = total === 0 ? 1 : done / total;
      if (tty) {
        const width = 30;
        const filled = Math.round(ratio * width);
        stream.write(
          `\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`,
        );
        if (done >= total) stream.write("\n");
        return;
      }
      const tenth = Math.floor(ratio * 10);
      if (tenth !== lastTenth || done >= total) {
        lastTenth = tenth;
        stream.write(`${label}: ${done}/${total} (${Math.round(ratio * 100)}%)\n`);
      }
    },
  };
}
