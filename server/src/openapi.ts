// The OpenAPI description of /v1, with request bodies generated from the same zod schemas the
// routes validate with, so the document cannot drift from the checks.
import {
  createTenantBodySchema,
  moduleManifestSchema,
  patchTenantBodySchema,
  putInstallationBodySchema,
  setPercentageBodySchema,
  startRolloutBodySchema,
  telemetryBatchSchema,
} from '@plugboard/shared';
import { z } from 'zod';
import { publishBodySchema } from './features/modules/module-routes.ts';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: object) => ({ content: { 'application/json': { schema: s } } });
const error = { description: 'Error', ...json(ref('Error')) };
const secured = [{ bearer: [] }];
const p = (name: string, where: 'path' | 'query' = 'path', required = where === 'path') => ({
  name,
  in: where,
  required,
  schema: { type: 'string' },
});

let cached: object | null = null;

export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Plugboard API',
      version: '1.0.0',
      description: 'Modules, releases, tenants, installations and resolution.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ModuleManifest: schema(moduleManifestSchema),
        PublishRelease: schema(publishBodySchema),
        CreateTenant: schema(createTenantBodySchema),
        PatchTenant: schema(patchTenantBodySchema),
        PutInstallation: schema(putInstallationBodySchema),
        TelemetryBatch: schema(telemetryBatchSchema),
        StartRollout: schema(startRolloutBodySchema),
        SetPercentage: schema(setPercentageBodySchema),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string' },
                issues: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { path: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    paths: {
      '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: 'OK' } } } },
      '/v1/modules': { get: { summary: 'List modules', responses: { 200: { description: 'Modules' } } } },
      '/v1/modules/{id}': {
        get: {
          summary: 'A module and its releases',
          parameters: [p('id')],
          responses: { 200: { description: 'Module' }, 404: error },
        },
      },
      '/v1/modules/{id}/releases': {
        post: {
          summary:
            'Publish a release: a manifest plus its built files (base64), or a manifest whose remote is hosted elsewhere',
          security: secured,
          parameters: [p('id')],
          requestBody: { required: true, ...json(ref('PublishRelease')) },
          responses: {
            201: { description: 'Published' },
            200: { description: 'Same content already published' },
            400: error,
            401: error,
            409: error,
            413: error,
          },
        },
      },
      '/v1/modules/{id}/releases/{version}': {
        get: {
          summary: 'One release',
          parameters: [p('id'), p('version')],
          responses: { 200: { description: 'Release' }, 404: error },
        },
      },
      '/v1/tenants': {
        get: { summary: 'List tenants (id, name, theme)', responses: { 200: { description: 'Tenants' } } },
        post: {
          summary: 'Create a tenant',
          security: secured,
          requestBody: { required: true, ...json(ref('CreateTenant')) },
          responses: { 201: { description: 'Created' }, 400: error, 409: error },
        },
      },
      '/v1/tenants/{tenant}': {
        get: {
          summary: 'A tenant',
          security: secured,
          parameters: [p('tenant')],
          responses: { 200: { description: 'Tenant, with ETag' }, 404: error },
        },
        patch: {
          summary: 'Change name, theme or access; send If-Match with the ETag to avoid lost updates',
          security: secured,
          parameters: [p('tenant')],
          requestBody: { required: true, ...json(ref('PatchTenant')) },
          responses: { 200: { description: 'Updated' }, 400: error, 404: error, 412: error },
        },
      },
      '/v1/tenants/{tenant}/installations': {
        get: {
          summary: "A tenant's installations",
          security: secured,
          parameters: [p('tenant')],
          responses: { 200: { description: 'Installations' }, 404: error },
        },
      },
      '/v1/tenants/{tenant}/installations/{moduleId}': {
        put: {
          summary: 'Install, upgrade, configure, enable or disable a module for a tenant',
          security: secured,
          parameters: [p('tenant'), p('moduleId')],
          requestBody: { required: true, ...json(ref('PutInstallation')) },
          responses: { 200: { description: 'Installation' }, 400: error, 404: error, 409: error },
        },
        delete: {
          summary: 'Uninstall',
          security: secured,
          parameters: [p('tenant'), p('moduleId')],
          responses: { 204: { description: 'Removed' }, 404: error, 409: error },
        },
      },
      '/v1/tenants/{tenant}/installations/{moduleId}/rollout': {
        get: {
          summary:
            'The latest rollout: state, current step, health of the candidate, what happens next, history',
          security: secured,
          parameters: [p('tenant'), p('moduleId')],
          responses: { 200: { description: 'Rollout' }, 404: error },
        },
        post: {
          summary:
            'Start a rollout to a candidate release (defaults from its activation policy); it passes the validation gate first',
          security: secured,
          parameters: [p('tenant'), p('moduleId')],
          requestBody: { required: true, ...json(ref('StartRollout')) },
          responses: { 201: { description: 'Started' }, 400: error, 404: error, 409: error },
        },
      },
      '/v1/tenants/{tenant}/installations/{moduleId}/rollout/percentage': {
        post: {
          summary: 'Set the percentage by hand',
          security: secured,
          parameters: [p('tenant'), p('moduleId')],
          requestBody: { required: true, ...json(ref('SetPercentage')) },
          responses: { 200: { description: 'Rollout' }, 400: error, 409: error },
        },
      },
      ...Object.fromEntries(
        ['pause', 'resume', 'promote', 'abort'].map((action) => [
          `/v1/tenants/{tenant}/installations/{moduleId}/rollout/${action}`,
          {
            post: {
              summary: `${action[0]?.toUpperCase()}${action.slice(1)} the active rollout`,
              security: secured,
              parameters: [p('tenant'), p('moduleId')],
              responses: { 200: { description: 'Rollout' }, 409: error },
            },
          },
        ]),
      ),
      '/v1/tenants/{tenant}/snapshots': {
        get: {
          summary: 'Snapshots of what the tenant served, newest first',
          security: secured,
          parameters: [p('tenant'), p('limit', 'query'), p('before', 'query')],
          responses: { 200: { description: 'Snapshots' } },
        },
      },
      '/v1/tenants/{tenant}/snapshots/{id}/restore': {
        post: {
          summary: 'Restore a snapshot in one transaction',
          security: secured,
          parameters: [p('tenant'), p('id')],
          responses: { 200: { description: 'Restored' }, 404: error, 409: error },
        },
      },
      '/v1/tenants/{tenant}/events': {
        get: {
          summary:
            'Server-Sent Events: "hello" on connect, "change" (id = revision) whenever what a user of the tenant resolves may have changed; send Last-Event-ID to catch up',
          parameters: [p('tenant')],
          responses: { 200: { description: 'text/event-stream' }, 404: error },
        },
      },
      '/v1/tenants/{tenant}/manifest': {
        get: {
          summary: 'The resolved manifest for one user; answers If-None-Match with 304',
          parameters: [p('tenant'), p('user', 'query')],
          responses: {
            200: { description: 'Resolved manifest, with ETag' },
            304: { description: 'Not modified' },
            404: error,
          },
        },
      },
      '/v1/audit': {
        get: {
          summary: 'The audit log, newest first',
          security: secured,
          parameters: [p('tenant', 'query'), p('module', 'query'), p('before', 'query'), p('limit', 'query')],
          responses: { 200: { description: 'Entries' } },
        },
      },
      '/v1/telemetry': {
        post: {
          summary: 'Module outcomes reported by shells',
          requestBody: { required: true, ...json(ref('TelemetryBatch')) },
          responses: { 202: { description: 'Accepted' }, 400: error, 413: error },
        },
      },
    },
  };
  return cached;
}
