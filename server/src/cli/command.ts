// What a command is, and how its command line is parsed (node:util parseArgs) into a Context.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type ApiClient, createApiClient } from './api-client.ts';
import type { Io } from './io.ts';

export class UsageError extends Error {}

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpecs;

export const COMMON_HELP = `Options for every command:
  --server <url>   the Plugboard server (env PLUGBOARD_URL, default ${DEFAULT_SERVER})
  --token <token>  the admin token (env PLUGBOARD_TOKEN)
  --json           machine-readable output on stdout
  -h, --help       this help`;

export type Context = {
  io: Io;
  cwd: string;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The API client, made on first use so local-only commands never need a server. */
  api(): ApiClient;
};

export type Command = {
  name: string;
  summary: string;
  /** The help text, without the common options. */
  help: string;
  options?: OptionSpecs;
  /** Names of the required positional arguments, in order. */
  positionals: string[];
  run(ctx: Context): Promise<number>;
};

function serverUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--server "${raw}" is not a URL; use e.g. ${DEFAULT_SERVER}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--server must be an http or https URL, not "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** Parses a command's arguments; returns null when --help was asked for. */
export function parseCommandLine(command: Command, argv: string[], io: Io): Context | null {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const values = parsed.values as Context['values'];
  if (values.help) return null;
  const { positionals } = parsed;
  if (positionals.length < command.positionals.length) {
    const missing = command.positionals.slice(positionals.length).map((p) => `<${p}>`);
    throw new UsageError(`missing ${missing.join(' ')}`);
  }
  if (positionals.length > command.positionals.length) {
    throw new UsageError(`unexpected argument "${positionals[command.positionals.length]}"`);
  }
  const env = io.env ?? {};
  const server = serverUrl(String(values.server ?? (env.PLUGBOARD_URL || DEFAULT_SERVER)));
  const token = (values.token as string | undefined) ?? (env.PLUGBOARD_TOKEN || undefined);
  let client: ApiClient | undefined;
  return {
    io,
    cwd: io.cwd ?? process.cwd(),
    json: values.json === true,
    values,
    positionals,
    api: () => {
      client ??= createApiClient({ server, token });
      return client;
    },
  };
}
