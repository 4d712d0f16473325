// Where the CLI writes and what it reads from its surroundings. Tests pass their own Io to
// capture output; the launcher passes the process's streams.
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
  /** Folder relative paths on the command line are resolved against. */
  cwd?: string;
  /** True on a terminal: progress is then redrawn in place. */
  interactive?: boolean;
};

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
  };
}

export const println = (write: (text: string) => void, line = '') => write(`${line}\n`);
