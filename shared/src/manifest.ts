// The module manifest: everything a module needs to be registered, declared as data.
import semver from 'semver';
import { z } from 'zod';
import { jsonSchemaDocument } from './json-schema-document.ts';
import { safeRecord, safeText } from './safe.ts';
import { checkSchemaDefaults } from './validate-config.ts';

export const MODULE_ID = /^[a-z][a-z0-9-]{0,39}\.[a-z][a-z0-9-]{0,39}$/;
/** Federation container names become JS identifiers in remote entries. */
const CONTAINER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const EXPOSE = /^\.\/[A-Za-z0-9_-][A-Za-z0-9_/-]{0,127}$/;
const PERMISSION = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const SRI = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;
const ROUTE_SEGMENT = /^(:[a-zA-Z][a-zA-Z0-9]*|[a-z0-9][a-z0-9-]*)$/;

/** Path prefixes the shell and server keep for themselves: a module route may not claim them. */
export const RESERVED_ROUTE_PREFIXES = ['/v1', '/artifacts', '/admin', '/healthz', '/assets', '/shell'];

export const moduleIdSchema = z
  .string()
  .regex(MODULE_ID, 'must be "namespace.name": lowercase letters, digits and dashes, e.g. "acme.clients"');

export const semverSchema = z
  .string()
  .max(64)
  .refine((v) => semver.valid(v) === v, 'must be a semantic version such as 1.2.3');

export const semverRangeSchema = z
  .string()
  .max(128)
  .refine((v) => semver.validRange(v) !== null, 'must be a semver range such as ^1.2.0');

export const routePathSchema = z
  .string()
  .max(200)
  .superRefine((path, ctx) => {
    if (!path.startsWith('/') || path.startsWith('//')) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an absolute path inside the shell, starting with one "/"',
      });
      return;
    }
    const segments = path === '/' ? [] : path.slice(1).split('/');
    if (segments.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'the root path "/" belongs to the shell' });
      return;
    }
    for (const s of segments) {
      if (!ROUTE_SEGMENT.test(s)) {
        ctx.addIssue({
          code: 'custom',
          message: `segment "${s.slice(0, 40)}" is not allowed: use lowercase letters, digits, dashes or ":param"`,
        });
        return;
      }
    }
    const reserved = RESERVED_ROUTE_PREFIXES.find((p) => path === p || path.startsWith(`${p}/`));
    if (reserved) ctx.addIssue({ code: 'custom', message: `"${reserved}" is reserved for the shell` });
  });

/** http(s) URL, or a path on the serving origin. Never javascript:, data:, or protocol-relative. */
export const entryUrlSchema = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    if (value.startsWith('/') && !value.startsWith('//')) return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL or a path starting with "/"' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({
        code: 'custom',
        message: `protocol "${url.protocol}" is not allowed: use http or https`,
      });
    }
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials' });
  });

export const remoteSchema = z
  .strictObject({
    /** Federation container name, as the remote's build declares it. */
    name: z.string().regex(CONTAINER_NAME, 'must be a JavaScript identifier (letters, digits, "_")'),
    /** esm: remoteEntry.js as an ES module; global: a classic script setting a global. */
    format: z.enum(['esm', 'global']).default('esm'),
    /** Where the remote entry is, when it is hosted outside Plugboard. */
    entry: entryUrlSchema.optional(),
    /** Folder of built files, relative to the manifest file; uploaded when the manifest is registered. */
    artifact: z.string().max(512).optional(),
    /** File inside the artifact that is the remote entry. */
    entryFile: z
      .string()
      .max(256)
      .regex(/^[A-Za-z0-9_.-][A-Za-z0-9_./-]*$/, 'must be a relative file path')
      // Joined to the artifact folder when served: "." / ".." / empty segments could leave it.
      .refine((f) => f.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'), {
        message: 'must be a file inside the artifact, without "." or ".." segments',
      })
      .default('remoteEntry.js'),
    integrity: z.string().regex(SRI, 'must be an SRI hash such as "sha384-…"').optional(),
  })
  .superRefine((r, ctx) => {
    if (r.entry && r.artifact) {
      ctx.addIssue({
        code: 'custom',
        path: ['artifact'],
        message: 'give either "entry" or "artifact", not both',
      });
    }
    if (r.entry && !r.integrity) {
      ctx.addIssue({
        code: 'custom',
        path: ['integrity'],
        message: 'a remote hosted elsewhere needs its SRI integrity',
      });
    }
  });

export const routeSchema = z.strictObject({
  path: routePathSchema,
  expose: z.string().regex(EXPOSE, 'must name an exposed module such as "./ClientList"'),
  title: safeText(120),
  permissions: z.array(z.string().regex(PERMISSION, 'must look like "clients.read"')).max(32).default([]),
});

export const navigationEntrySchema = z.strictObject({
  label: safeText(80),
  path: routePathSchema,
  icon: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be an icon name')
    .optional(),
  section: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .default('main'),
  order: z.number().int().min(-10000).max(10000).default(100),
});

export const requiresSchema = z.strictObject({
  /** Range of the shell API the module is built against. */
  shell: semverRangeSchema.default('*'),
  modules: safeRecord(moduleIdSchema, semverRangeSchema, 64).default({}),
  /** Shared singletons (react, react-dom, …) with the ranges the module accepts. */
  shared: safeRecord(z.string().regex(/^(@[a-z0-9-]+\/)?[a-z0-9.-]+$/), semverRangeSchema, 32).default({}),
});

export const permissionDefinitionSchema = z.strictObject({
  id: z.string().regex(PERMISSION, 'must look like "clients.read"'),
  description: safeText(200).optional(),
});

export const activationPolicySchema = z.strictObject({
  strategy: z.enum(['gradual', 'instant']).default('gradual'),
  steps: z
    .array(z.number().int().min(1).max(100))
    .min(1)
    .max(20)
    .refine((s) => s.every((v, i) => i === 0 || v > (s[i - 1] ?? 0)), 'steps must increase')
    .refine((s) => s[s.length - 1] === 100, 'the last step must be 100')
    .default([1, 5, 25, 50, 100]),
  /** Seconds between steps. */
  interval: z.number().int().min(0).max(604800).default(300),
  health: z
    .strictObject({
      maxErrorRate: z.number().min(0).max(1).default(0.05),
      minSamples: z.number().int().min(1).max(1_000_000).default(20),
    })
    .default({ maxErrorRate: 0.05, minSamples: 20 }),
});

/**
 * The manifest's fields without the checks that span several of them. zod 4 refuses .pick()
 * and .partial() on a refined object, so derive other schemas from this one; parse manifests
 * with moduleManifestSchema.
 */
export const moduleManifestShapeSchema = z.strictObject({
  $schema: z.string().max(512).optional(),
  id: moduleIdSchema,
  name: safeText(80),
  version: semverSchema,
  description: safeText(2000, { allowEmpty: true }).default(''),
  remote: remoteSchema,
  routes: z.array(routeSchema).max(64).default([]),
  navigation: z.array(navigationEntrySchema).max(64).default([]),
  requires: requiresSchema.default({ shell: '*', modules: {}, shared: {} }),
  conflicts: safeRecord(moduleIdSchema, semverRangeSchema, 64).default({}),
  provides: z.array(z.string().regex(PERMISSION, 'must look like "clients.directory"')).max(64).default([]),
  permissions: z.array(permissionDefinitionSchema).max(128).default([]),
  config: jsonSchemaDocument.default({ type: 'object', properties: {} }),
  isolation: z.enum(['none', 'iframe']).default('none'),
  activation: activationPolicySchema.default({
    strategy: 'gradual',
    steps: [1, 5, 25, 50, 100],
    interval: 300,
    health: { maxErrorRate: 0.05, minSamples: 20 },
  }),
});

export const moduleManifestSchema = moduleManifestShapeSchema.superRefine((m, ctx) => {
  const seen = new Set<string>();
  m.routes.forEach((route, i) => {
    if (seen.has(route.path)) {
      ctx.addIssue({
        code: 'custom',
        path: ['routes', i, 'path'],
        message: `"${route.path}" is declared twice`,
      });
    }
    seen.add(route.path);
  });
  if (Object.hasOwn(m.requires.modules, m.id)) {
    ctx.addIssue({
      code: 'custom',
      path: ['requires', 'modules', m.id],
      message: 'a module cannot require itself',
    });
  }
  if (Object.hasOwn(m.conflicts, m.id)) {
    ctx.addIssue({
      code: 'custom',
      path: ['conflicts', m.id],
      message: 'a module cannot conflict with itself',
    });
  }
  // A default that breaks its own schema would make every installation fail validation.
  for (const issue of checkSchemaDefaults(m.config)) {
    const path = issue.path === '' ? [] : issue.path.split('.');
    ctx.addIssue({ code: 'custom', path: ['config', ...path], message: issue.message });
  }
});

export type ModuleManifest = z.output<typeof moduleManifestSchema>;
export type ModuleManifestInput = z.input<typeof moduleManifestSchema>;
export type RouteDefinition = z.output<typeof routeSchema>;
export type NavigationEntry = z.output<typeof navigationEntrySchema>;
export type ActivationPolicy = z.output<typeof activationPolicySchema>;
