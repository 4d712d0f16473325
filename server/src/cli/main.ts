// The plugboard command-line tool: run(argv, io) parses the command line, runs one command and
// returns the exit code (0 ok, 1 failed, 2 bad usage). server/bin/plugboard.mjs launches it.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { COMMON_HELP, type Command, type Context, parseCommandLine } from './command.ts';
import { installationsCommand, installCommand, uninstallCommand } from './installation-commands.ts';
import { type Io, println, processIo } from './io.ts';
import { modulesCommand, tenantsCommand } from './list-commands.ts';
import { table } from './output.ts';
import { publishCommand } from './publish-command.ts';
import { reportError } from './report-error.ts';
import { validateCommand } from './validate-command.ts';

export const COMMANDS: Command[] = [
  validateCommand,
  publishCommand,
  installCommand,
  uninstallCommand,
  installationsCommand,
  tenantsCommand,
  modulesCommand,
];

function usage(): string {
  const rows = COMMANDS.map((c) => [
    `  ${[c.name, ...c.positionals.map((p) => `<${p}>`)].join(' ')}`,
    c.summary,
  ]);
  return `plugboard: publish and install Plugboard modules

Usage: plugboard <command> [arguments] [options]

Commands:
${table(rows)}

${COMMON_HELP}

Run "plugboard <command> --help" for a command's options and examples.`;
}

const commandHelp = (c: Command) => `${c.help}\n\n${COMMON_HELP}`;

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    println(io.stdout, topic ? commandHelp(topic) : usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    println(io.stderr, `plugboard: unknown command "${name}"\n`);
    println(io.stderr, usage());
    return 2;
  }
  let ctx: Context | null = null;
  try {
    ctx = parseCommandLine(command, rest, io);
    if (!ctx) {
      println(io.stdout, commandHelp(command));
      return 0;
    }
    return await command.run(ctx);
  } catch (err) {
    return reportError(io, err, ctx?.json ?? rest.includes('--json'));
  }
}

// Run directly (tsx server/src/cli/main.ts …) as well as through the launcher.
function invokedDirectly(): boolean {
  try {
    return (
      Boolean(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href
    );
  } catch {
    return false;
  }
}
if (invokedDirectly()) process.exitCode = await run(process.argv.slice(2));
