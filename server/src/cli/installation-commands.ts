// plugboard install / uninstall / installations: a tenant's modules, over the installations API.
import { type Command, UsageError } from './command.ts';
import { println } from './io.ts';
import { table, toJson } from './output.ts';

const installationsPath = (tenant: string, moduleId?: string) =>
  `/v1/tenants/${encodeURIComponent(tenant)}/installations${moduleId ? `/${encodeURIComponent(moduleId)}` : ''}`;

function parseConfig(raw: string | boolean | undefined): Record<string, unknown> {
  if (typeof raw !== 'string') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new UsageError(`--config is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError('--config must be a JSON object, e.g. \'{"pageSize":10}\'');
  }
  return value as Record<string, unknown>;
}

/** What the API returns for an installation; rollout fields are shown when present. */
type Installation = {
  tenantId: string;
  moduleId: string;
  version: string | null;
  enabled: boolean;
  config: Record<string, unknown>;
  candidateVersion?: string | null;
  percentage?: number;
};

const versionOf = (i: Installation) =>
  `${i.version ?? '(none)'}${i.candidateVersion ? ` -> ${i.candidateVersion} at ${i.percentage ?? 0}%` : ''}`;

const describe = (i: Installation) =>
  `${i.moduleId} ${versionOf(i)} for tenant ${i.tenantId} (${i.enabled ? 'enabled' : 'disabled'})`;

export const installCommand: Command = {
  name: 'install',
  summary: 'install, upgrade or reconfigure a module for a tenant',
  positionals: ['tenant', 'moduleId', 'version'],
  options: { config: { type: 'string' }, disabled: { type: 'boolean' } },
  help: `Usage: plugboard install <tenant> <moduleId> <version> [--config <json>] [--disabled]

Installs a published release of a module for a tenant, or changes the version,
configuration or enabled state of an existing installation. The server checks the
release's dependencies, conflicts and configuration schema first.

  --config <json>  the tenant's configuration values, e.g. '{"pageSize":10}'
  --disabled       install it switched off

Example:
  plugboard install acme plugboard.clients 1.0.0 --config '{"pageSize":10}'`,

  async run(ctx) {
    const [tenant = '', moduleId = '', version = ''] = ctx.positionals;
    const body = { version, enabled: ctx.values.disabled !== true, config: parseConfig(ctx.values.config) };
    const { body: result } = await ctx
      .api()
      .request<Installation & { changed: boolean }>('PUT', installationsPath(tenant, moduleId), { body });
    if (ctx.json) {
      ctx.io.stdout(toJson({ ok: true, installation: result }));
      return 0;
    }
    println(ctx.io.stdout, `${result.changed ? 'installed' : 'unchanged:'} ${describe(result)}`);
    if (Object.keys(result.config).length > 0)
      println(ctx.io.stdout, `  config ${JSON.stringify(result.config)}`);
    return 0;
  },
};

export const uninstallCommand: Command = {
  name: 'uninstall',
  summary: 'remove a module from a tenant',
  positionals: ['tenant', 'moduleId'],
  help: `Usage: plugboard uninstall <tenant> <moduleId>

Removes a module's installation from a tenant. Refused while another enabled module
of the tenant requires it.`,

  async run(ctx) {
    const [tenant = '', moduleId = ''] = ctx.positionals;
    await ctx.api().request('DELETE', installationsPath(tenant, moduleId));
    if (ctx.json) ctx.io.stdout(toJson({ ok: true, tenant, moduleId }));
    else println(ctx.io.stdout, `uninstalled ${moduleId} from tenant ${tenant}`);
    return 0;
  },
};

export const installationsCommand: Command = {
  name: 'installations',
  summary: "list a tenant's installed modules",
  positionals: ['tenant'],
  help: `Usage: plugboard installations <tenant>

Lists the modules installed for a tenant, with version, state and configuration.`,

  async run(ctx) {
    const [tenant = ''] = ctx.positionals;
    const { body } = await ctx
      .api()
      .request<{ installations: Installation[] }>('GET', installationsPath(tenant));
    if (ctx.json) {
      ctx.io.stdout(toJson(body));
      return 0;
    }
    if (body.installations.length === 0) {
      println(ctx.io.stdout, `tenant ${tenant} has no modules installed`);
      return 0;
    }
    const rows = body.installations.map((i) => [
      i.moduleId,
      versionOf(i),
      i.enabled ? 'enabled' : 'disabled',
      JSON.stringify(i.config),
    ]);
    println(ctx.io.stdout, table([['MODULE', 'VERSION', 'STATE', 'CONFIG'], ...rows]));
    return 0;
  },
};
