export * from './errors.ts';
export * from './json-schema-document.ts';
export * from './manifest.ts';
export * from './resolved-manifest.ts';
export * from './safe.ts';
export * from './telemetry.ts';
export * from './tenant.ts';
