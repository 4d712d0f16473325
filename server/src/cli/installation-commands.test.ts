// plugboard install, uninstall, installations, tenants, modules and the command line itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantBody } from '../test-support/fixtures.ts';
import {
  type CliServer,
  cli,
  sampleManifest,
  startCliServer,
  TOKEN,
  tempDir,
  writeRemote,
} from './cli-test-kit.ts';

let s: CliServer;
let tmp: ReturnType<typeof tempDir>;
/** Server and token from the environment, as a module author's shell would have them. */
const env = () => ({ PLUGBOARD_URL: s.url, PLUGBOARD_TOKEN: TOKEN });

beforeAll(async () => {
  s = await startCliServer();
  tmp = tempDir();
  expect((await s.h.call('POST', '/v1/tenants', tenantBody())).status).toBe(201);
  const file = writeRemote(tmp.dir, { manifest: sampleManifest({ activation: { strategy: 'instant' } }) });
  const published = await cli(['publish', file], { env: env() });
  expect(published.code, published.stderr).toBe(0);
});
afterAll(async () => {
  await s?.close();
  tmp?.remove();
});

describe('listing', () => {
  it('lists tenants and modules as tables, or as JSON', async () => {
    const tenants = await cli(['tenants', '--server', s.url]);
    expect(tenants.code).toBe(0);
    expect(tenants.stdout).toMatch(/^TENANT\s+NAME\nacme\s+Acme Corp\n$/);
    const modules = await cli(['modules'], { env: env() });
    expect(modules.stdout).toMatch(
      /^MODULE\s+LATEST\s+VERSIONS\s+NAME\nacme\.clients\s+1\.0\.0\s+1\.0\.0\s+Clients/,
    );
    const json = JSON.parse((await cli(['modules', '--json'], { env: env() })).stdout);
    expect(json.modules[0]).toMatchObject({ id: 'acme.clients', latestVersion: '1.0.0' });
  });
});

describe('installing', () => {
  it('installs a module for a tenant with configuration, and lists it', async () => {
    const res = await cli(['install', 'acme', 'acme.clients', '1.0.0', '--config', '{"pageSize":20}'], {
      env: env(),
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^installed acme\.clients 1\.0\.0.* for tenant acme \(enabled\)/);
    expect(res.stdout).toContain('config {"pageSize":20}');

    const same = await cli(['install', 'acme', 'acme.clients', '1.0.0', '--config', '{"pageSize":20}'], {
      env: env(),
    });
    expect(same.stdout).toMatch(/^unchanged: acme\.clients/);

    const list = await cli(['installations', 'acme'], { env: env() });
    expect(list.stdout).toMatch(
      /^MODULE\s+VERSION\s+STATE\s+CONFIG\nacme\.clients\s+1\.0\.0.*enabled\s+\{"pageSize":20\}/,
    );
    const json = JSON.parse((await cli(['installations', 'acme', '--json'], { env: env() })).stdout);
    expect(json.installations[0]).toMatchObject({
      moduleId: 'acme.clients',
      enabled: true,
      config: { pageSize: 20 },
    });
  });

  it('can install switched off', async () => {
    const res = await cli(['install', 'acme', 'acme.clients', '1.0.0', '--disabled', '--json'], {
      env: env(),
    });
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).installation).toMatchObject({ enabled: false, config: {} });
  });

  it("prints the server's field-by-field problems with a hint", async () => {
    const res = await cli(['install', 'acme', 'acme.clients', '1.0.0', '--config', '{"pageSize":1000}'], {
      env: env(),
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('HTTP 400 INVALID_CONFIG');
    expect(res.stderr).toMatch(/^ {2}config\.pageSize: /m);
    expect(res.stderr).toContain("hint: the configuration must match the module's config schema");

    const noTenant = await cli(['install', 'nobody', 'acme.clients', '1.0.0'], { env: env() });
    expect(noTenant.stderr).toContain('TENANT_NOT_FOUND');
    expect(noTenant.stderr).toContain('hint: run "plugboard tenants"');

    const noRelease = await cli(['install', 'acme', 'acme.clients', '9.9.9'], { env: env() });
    expect(noRelease.stderr).toContain('RELEASE_NOT_FOUND');
    expect(noRelease.stderr).toContain('hint: run "plugboard modules"');
  });

  it('refuses bad --config locally, as a usage error', async () => {
    const before = await s.h.fingerprint();
    const res = await cli(['install', 'acme', 'acme.clients', '1.0.0', '--config', '{pageSize:'], {
      env: env(),
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--config is not valid JSON');
    const array = await cli(['install', 'acme', 'acme.clients', '1.0.0', '--config', '[1]'], { env: env() });
    expect(array.stderr).toContain('--config must be a JSON object');
    expect(await s.h.fingerprint()).toBe(before);
  });

  it('needs the token for admin calls', async () => {
    const res = await cli(['installations', 'acme', '--server', s.url]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('hint: pass --token or set PLUGBOARD_TOKEN');
  });

  it('uninstalls', async () => {
    const res = await cli(['uninstall', 'acme', 'acme.clients'], { env: env() });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('uninstalled acme.clients from tenant acme\n');
    expect((await cli(['installations', 'acme'], { env: env() })).stdout).toBe(
      'tenant acme has no modules installed\n',
    );
    const again = await cli(['uninstall', 'acme', 'acme.clients'], { env: env() });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('INSTALLATION_NOT_FOUND');
  });
});

describe('the command line', () => {
  it('shows help for every command and refuses bad usage with exit code 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of [
      'validate',
      'publish',
      'install',
      'uninstall',
      'installations',
      'tenants',
      'modules',
    ]) {
      expect(help.stdout).toContain(`  ${name}`);
      const own = await cli([name, '--help']);
      expect(own.code).toBe(0);
      expect(own.stdout).toContain(`Usage: plugboard ${name}`);
      expect(own.stdout).toContain('--server <url>');
    }
    expect((await cli(['help', 'publish'])).stdout).toContain('--dist <folder>');
    expect((await cli(['frobnicate'])).code).toBe(2);
    const missing = await cli(['install', 'acme']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing <moduleId> <version>');
    const unknown = await cli(['tenants', '--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--verbose'");
    const badUrl = await cli(['tenants', '--server', 'ftp://x', '--json']);
    expect(JSON.parse(badUrl.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });
});
