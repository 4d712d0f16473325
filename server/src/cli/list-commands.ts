// plugboard tenants / modules: what the server knows, as readable tables.
import type { Command } from './command.ts';
import { println } from './io.ts';
import { table, toJson } from './output.ts';

type TenantsResponse = { tenants: { id: string; name: string }[] };
type ModulesResponse = {
  modules: { id: string; name: string; latestVersion: string | null; versions: string[] }[];
};

export const tenantsCommand: Command = {
  name: 'tenants',
  summary: 'list the tenants',
  positionals: [],
  help: `Usage: plugboard tenants

Lists the tenants (id and name). Needs no token.`,

  async run(ctx) {
    const { body } = await ctx.api().request<TenantsResponse>('GET', '/v1/tenants');
    if (ctx.json) {
      ctx.io.stdout(toJson(body));
      return 0;
    }
    if (body.tenants.length === 0) {
      println(ctx.io.stdout, 'no tenants yet');
      return 0;
    }
    println(ctx.io.stdout, table([['TENANT', 'NAME'], ...body.tenants.map((t) => [t.id, t.name])]));
    return 0;
  },
};

export const modulesCommand: Command = {
  name: 'modules',
  summary: 'list the published modules and their versions',
  positionals: [],
  help: `Usage: plugboard modules

Lists the published modules with their latest version and every published version.
Needs no token.`,

  async run(ctx) {
    const { body } = await ctx.api().request<ModulesResponse>('GET', '/v1/modules');
    if (ctx.json) {
      ctx.io.stdout(toJson(body));
      return 0;
    }
    if (body.modules.length === 0) {
      println(ctx.io.stdout, 'no modules published yet');
      return 0;
    }
    const rows = body.modules.map((m) => [m.id, m.latestVersion ?? '-', m.versions.join(', '), m.name]);
    println(ctx.io.stdout, table([['MODULE', 'LATEST', 'VERSIONS', 'NAME'], ...rows]));
    return 0;
  },
};
