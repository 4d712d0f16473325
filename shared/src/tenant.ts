// Tenants and their installations, as the API and the tenant manifests describe them.
import { z } from 'zod';
import { moduleIdSchema, semverSchema } from './manifest.ts';
import { safeRecord, safeText } from './safe.ts';

export const tenantIdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{1,39}$/,
    'must be 2–40 lowercase letters, digits or dashes, starting with a letter',
  );

const COLOR = /^#[0-9a-fA-F]{3,8}$/;
const color = z.string().regex(COLOR, 'must be a hex colour such as "#1d4ed8"');

export const themeSchema = z.strictObject({
  primary: color.default('#2563eb'),
  background: color.default('#f8fafc'),
  surface: color.default('#ffffff'),
  text: color.default('#0f172a'),
  muted: color.default('#64748b'),
  /** Logo: an https URL, a path on this server, or a small SVG/PNG data URL. */
  logo: z
    .string()
    .max(16384)
    .refine(
      (v) =>
        /^https:\/\/[^\s"'<>]+$/.test(v) ||
        /^\/[A-Za-z0-9_./-]+$/.test(v) ||
        /^data:image\/(svg\+xml|png);base64,[A-Za-z0-9+/]+=*$/.test(v),
      'must be an https URL, a path on this server, or a base64 SVG/PNG data URL',
    )
    .optional(),
});
export type Theme = z.output<typeof themeSchema>;
export const DEFAULT_THEME: Theme = themeSchema.parse({});

const permissionList = z.array(z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/)).max(256);

/** Who gets which permissions in a tenant; users not listed get `defaultPermissions`. */
export const accessSchema = z.strictObject({
  defaultPermissions: permissionList.default([]),
  users: safeRecord(z.string().regex(/^[A-Za-z0-9_.@-]{1,128}$/), permissionList, 1000).default({}),
});
export type TenantAccess = z.output<typeof accessSchema>;

export const createTenantBodySchema = z.strictObject({
  id: tenantIdSchema,
  name: safeText(80),
  theme: themeSchema.default(DEFAULT_THEME),
  access: accessSchema.default({ defaultPermissions: [], users: {} }),
});
export type CreateTenantBody = z.output<typeof createTenantBodySchema>;

export const patchTenantBodySchema = z
  .strictObject({
    name: safeText(80).optional(),
    theme: themeSchema.partial().optional(),
    access: accessSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one of name, theme, access');
export type PatchTenantBody = z.output<typeof patchTenantBodySchema>;

/** Shape only: validateConfig checks the values against the module's schema (and deep keys). */
export const configValuesSchema = safeRecord(z.string().max(64), z.unknown(), 256).refine(
  (r) => JSON.stringify(r).length <= 65536,
  'configuration must be at most 64 KiB of JSON',
);

export const putInstallationBodySchema = z.strictObject({
  version: semverSchema,
  enabled: z.boolean().default(true),
  config: configValuesSchema.default({}),
});
export type PutInstallationBody = z.output<typeof putInstallationBodySchema>;

/** A tenant manifest file in manifests/tenants: the tenant plus what it has installed. */
export const tenantManifestSchema = createTenantBodySchema.extend({
  $schema: z.string().max(512).optional(),
  installations: z
    .array(
      putInstallationBodySchema.extend({
        module: moduleIdSchema,
      }),
    )
    .max(200)
    .default([]),
});
export type TenantManifest = z.output<typeof tenantManifestSchema>;

export type Tenant = {
  id: string;
  name: string;
  theme: Theme;
  access: TenantAccess;
  createdAt: string;
  updatedAt: string;
};

export type Installation = {
  tenantId: string;
  moduleId: string;
  /** The stable release; null while a module that was not there is rolled out from nothing. */
  version: string | null;
  enabled: boolean;
  config: Record<string, unknown>;
  /** During a rollout: the candidate release, the share of users getting it and their group. */
  candidateVersion: string | null;
  percentage: number;
  groupId: string | null;
  updatedAt: string;
};
