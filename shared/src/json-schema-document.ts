// The subset of JSON Schema a module may use to describe its configuration. Kept small on
// purpose: every keyword here is enforced by validate-config.ts, so nothing is silently ignored.
import { z } from 'zod';

export type JsonSchemaNode = {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  title?: string;
  description?: string;
  default?: unknown;
  enum?: (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
};

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

export const jsonSchemaNode: z.ZodType<JsonSchemaNode> = z.lazy(() =>
  z
    .strictObject({
      type: z.enum(['object', 'array', 'string', 'number', 'integer', 'boolean']).optional(),
      title: z.string().max(120).optional(),
      description: z.string().max(1000).optional(),
      default: z.unknown().optional(),
      enum: z
        .array(z.union([z.string().max(200), z.number(), z.boolean()]))
        .min(1)
        .max(100)
        .optional(),
      minimum: z.number().optional(),
      maximum: z.number().optional(),
      minLength: z.number().int().min(0).optional(),
      maxLength: z.number().int().min(0).optional(),
      pattern: z
        .string()
        .max(200)
        .refine((p) => {
          try {
            new RegExp(p, 'u');
            return true;
          } catch {
            return false;
          }
        }, 'must be a valid regular expression')
        .optional(),
      minItems: z.number().int().min(0).optional(),
      maxItems: z.number().int().min(0).optional(),
      items: jsonSchemaNode.optional(),
      properties: z
        .record(z.string().regex(PROPERTY_NAME, 'must be a plain property name'), jsonSchemaNode)
        .refine((p) => Object.keys(p).length <= 100, 'at most 100 properties')
        .optional(),
      required: z.array(z.string().regex(PROPERTY_NAME)).max(100).optional(),
      additionalProperties: z.boolean().optional(),
    })
    .superRefine((node, ctx) => {
      if (node.minimum !== undefined && node.maximum !== undefined && node.minimum > node.maximum) {
        ctx.addIssue({ code: 'custom', path: ['minimum'], message: 'minimum is greater than maximum' });
      }
    }),
);

/** A configuration schema must describe an object at the top. */
export const jsonSchemaDocument = jsonSchemaNode.refine(
  (n) => n.type === 'object' || n.type === undefined,
  'the configuration schema must describe an object ("type": "object")',
);
