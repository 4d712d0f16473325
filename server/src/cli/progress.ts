// Progress on stderr (stdout stays clean for --json): phase lines, and an upload percentage
// redrawn in place on a terminal. Silent in --json mode.
import { type Io, println } from './io.ts';
import { formatBytes } from './output.ts';

export type Progress = {
  phase(line: string): void;
  /** Reports bytes handed to the network so far. */
  upload(sent: number, total: number): void;
  /** Ends an in-place line, if one is open. */
  done(): void;
};

export function createProgress(io: Io, quiet: boolean): Progress {
  let lastPercent = -1;
  let open = false;
  return {
    phase(line) {
      if (!quiet) println(io.stderr, line);
    },
    upload(sent, total) {
      if (quiet || !io.interactive) return;
      const percent = total === 0 ? 100 : Math.floor((sent / total) * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      open = true;
      io.stderr(`\r  ${String(percent).padStart(3)}%  ${formatBytes(sent)} of ${formatBytes(total)}   `);
    },
    done() {
      if (open) io.stderr('\n');
      open = false;
      lastPercent = -1;
    },
  };
}

/** A body that hands `bytes` to fetch in chunks, reporting each one as the network takes it. */
export function progressStream(
  bytes: Uint8Array,
  onProgress: (sent: number) => void,
  chunkSize = 64 * 1024,
): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= bytes.byteLength) {
          controller.close();
          return;
        }
        const chunk = bytes.subarray(sent, sent + chunkSize);
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        onProgress(sent);
      },
    },
    { highWaterMark: 0 },
  );
}
