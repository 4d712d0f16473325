// Builds what the running system needs (the manifest JSON Schemas, the sample remotes, the shell),
// skipping any package whose inputs have not changed since its last build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const PNPM = 'pnpm@10.34.9';

function hashInputs(root, paths) {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort())
        if (name !== 'node_modules' && name !== 'dist') walk(join(p, name));
    } else {
      hash.update(relative(root, p)).update('\0').update(readFileSync(p));
    }
  };
  for (const p of paths) walk(join(root, p));
  return hash.digest('hex');
}

export async function buildAll(root) {
  const shared = ['shared/src', 'sdk/src', 'pnpm-lock.yaml'];
  const targets = [
    {
      name: '@plugboard/shared',
      dir: 'shared',
      inputs: ['shared/src', 'shared/scripts'],
      output: 'shared/manifest.schema.json',
    },
    ...['clients', 'analytics', 'faulty'].map((r) => ({
      name: `@plugboard/remote-${r}`,
      dir: `remotes/${r}`,
      inputs: [
        `remotes/${r}/src`,
        `remotes/${r}/index.html`,
        `remotes/${r}/vite.config.ts`,
        `remotes/${r}/package.json`,
        ...shared,
      ],
      output: `remotes/${r}/dist/remoteEntry.js`,
    })),
    {
      name: '@plugboard/shell',
      dir: 'shell',
      inputs: [
        'shell/src',
        'shell/index.html',
        'shell/vite.config.ts',
        'shell/package.json',
        'shell/public',
        ...shared,
      ],
      output: 'shell/dist/index.html',
    },
  ];
  const stampDir = join(root, 'node_modules', '.cache', 'plugboard-build');
  mkdirSync(stampDir, { recursive: true });
  for (const [i, t] of targets.entries()) {
    const stamp = join(stampDir, `${t.name.replace(/[@/]/g, '_')}.txt`);
    const digest = hashInputs(root, t.inputs);
    const label = `[${i + 1}/${targets.length}] ${t.name}`;
    if (existsSync(join(root, t.output)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
      console.log(`${label}: up to date`);
      continue;
    }
    console.log(`${label}: building…`);
    const started = Date.now();
    const r = spawnSync('npx', ['--yes', PNPM, '--filter', t.name, 'run', 'build'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, COREPACK_INTEGRITY_KEYS: '0' },
    });
    if (r.status !== 0) {
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      console.error(`✖ Building ${t.name} failed: see the output above; fix it and run the command again.`);
      process.exit(r.status ?? 1);
    }
    writeFileSync(stamp, digest);
    console.log(`${label}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
