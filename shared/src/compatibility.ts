// Whether a release can be installed next to a tenant's other modules on a given shell, and
// whether a module can be removed; every failure carries its reason, worded for admins.
import semver from 'semver';
import type { ModuleManifest } from './manifest.ts';

export type CompatibilityProblem = {
  code:
    | 'SHELL_RANGE'
    | 'SHARED_RANGE'
    | 'MISSING_DEPENDENCY'
    | 'DEPENDENCY_RANGE'
    | 'CONFLICT'
    | 'DEPENDENT_BROKEN';
  /** The module whose declaration is not met (the candidate, or an installed module). */
  module: string;
  /** Field of that module's manifest, dotted: "requires.shell", "conflicts.acme.legacy". */
  field: string;
  message: string;
};

/** What the shell provides: its API version, and package -> version of each shared singleton. */
export type Environment = { shellVersion: string; shared: Record<string, string> };

/** The parts of a manifest compatibility looks at. */
export type CompatibilityManifest = Pick<ModuleManifest, 'id' | 'version' | 'requires' | 'conflicts'>;

/** Prereleases count: a tenant that installs 2.0.0-beta.1 asked for it explicitly. */
function satisfies(version: string, range: string): boolean {
  return semver.satisfies(version, range, { includePrerelease: true });
}

/** Sorted, so problems come out in the same order whatever the manifest's key order. */
function entries(record: Record<string, string>): [string, string][] {
  return Object.keys(record)
    .sort()
    .map((k) => [k, record[k] ?? '']);
}

/** Own keys only: `record.constructor` must never answer with an Object.prototype member. */
function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Problems installing `candidate` for a tenant whose other enabled modules are `installed`.
 * An installed manifest with the candidate's id is ignored: the candidate replaces it.
 */
export function checkInstall(
  candidate: CompatibilityManifest,
  installed: CompatibilityManifest[],
  env: Environment,
): CompatibilityProblem[] {
  const problems: CompatibilityProblem[] = [];
  const others = installed.filter((m) => m.id !== candidate.id).sort((a, b) => (a.id < b.id ? -1 : 1));
  const byId = new Map(others.map((m) => [m.id, m]));
  const add = (code: CompatibilityProblem['code'], module: string, field: string, message: string) =>
    problems.push({ code, module, field, message });
  const me = candidate.id;

  const shellRange = candidate.requires.shell;
  if (!satisfies(env.shellVersion, shellRange)) {
    add(
      'SHELL_RANGE',
      me,
      'requires.shell',
      `requires shell ${shellRange}, but this shell is ${env.shellVersion}`,
    );
  }

  for (const [pkg, range] of entries(candidate.requires.shared)) {
    const provided = own(env.shared, pkg);
    const field = `requires.shared.${pkg}`;
    if (provided === undefined) {
      add('SHARED_RANGE', me, field, `requires ${pkg} ${range}, which this shell does not provide`);
    } else if (!satisfies(provided, range)) {
      add('SHARED_RANGE', me, field, `requires ${pkg} ${range}, but this shell provides ${provided}`);
    }
  }

  for (const [id, range] of entries(candidate.requires.modules)) {
    const dep = byId.get(id);
    const field = `requires.modules.${id}`;
    if (!dep) {
      add('MISSING_DEPENDENCY', me, field, `requires ${id} ${range}, which is not installed for this tenant`);
    } else if (!satisfies(dep.version, range)) {
      add('DEPENDENCY_RANGE', me, field, `requires ${id} ${range}, but ${id} ${dep.version} is installed`);
    }
  }

  for (const [id, range] of entries(candidate.conflicts)) {
    const other = byId.get(id);
    if (other && satisfies(other.version, range)) {
      add(
        'CONFLICT',
        me,
        `conflicts.${id}`,
        `conflicts with ${id} ${range}, and ${id} ${other.version} is installed`,
      );
    }
  }

  for (const other of others) {
    const conflict = own(other.conflicts, me);
    if (conflict !== undefined && satisfies(candidate.version, conflict)) {
      add(
        'CONFLICT',
        other.id,
        `conflicts.${me}`,
        `${other.id} ${other.version} conflicts with ${me} ${conflict}, which includes ${candidate.version}`,
      );
    }
    const needed = own(other.requires.modules, me);
    if (needed !== undefined && !satisfies(candidate.version, needed)) {
      add(
        'DEPENDENT_BROKEN',
        other.id,
        `requires.modules.${me}`,
        `${other.id} ${other.version} requires ${me} ${needed}, which ${candidate.version} does not satisfy`,
      );
    }
  }
  return problems;
}

/** Problems removing (or disabling) `moduleId`: the other enabled modules that require it. */
export function checkRemoval(moduleId: string, installed: CompatibilityManifest[]): CompatibilityProblem[] {
  return installed
    .filter((m) => m.id !== moduleId)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .flatMap((m) => {
      const range = own(m.requires.modules, moduleId);
      if (range === undefined) return [];
      return [
        {
          code: 'DEPENDENT_BROKEN' as const,
          module: m.id,
          field: `requires.modules.${moduleId}`,
          message: `${m.id} ${m.version} requires ${moduleId} ${range}, which would no longer be installed`,
        },
      ];
    });
}
