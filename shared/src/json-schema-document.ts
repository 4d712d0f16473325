// The subset of JSON Schema a module may use to describe its configuration. Kept small on
// purpose: every keyword here is enforced by validate-config.ts, so nothing is silently ignored.
import { z } from 'zod';
import { FORBIDDEN_KEYS, safeRecord } from './safe.ts';

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;

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
/** The regex alone would let "constructor" and "__proto__" through as setting names. */
const propertyName = z
  .string()
  .regex(PROPERTY_NAME, 'must be a plain property name')
  .refine((n) => !FORBIDDEN_KEYS.has(n), 'this name is reserved');

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
        // Admins' values are matched against module authors' patterns on the server: a group that
        // repeats and contains a repeat can backtrack for seconds ("(a+)+"), so it is refused.
        .refine(
          (p) => !NESTED_QUANTIFIER.test(p),
          'must not repeat a group that itself repeats, such as "(a+)+"',
        )
        .optional(),
      minItems: z.number().int().min(0).optional(),
      maxItems: z.number().int().min(0).optional(),
      items: jsonSchemaNode.optional(),
      properties: safeRecord(propertyName, jsonSchemaNode, 100).optional(),
      required: z.array(propertyName).max(100).optional(),
      additionalProperties: z.boolean().optional(),
    })
    .superRefine((node, ctx) => {
      const pairs = [
        ['minimum', 'maximum'],
        ['minLength', 'maxLength'],
        ['minItems', 'maxItems'],
      ] as const;
      for (const [lo, hi] of pairs) {
        const min = node[lo];
        const max = node[hi];
        if (min !== undefined && max !== undefined && min > max) {
          ctx.addIssue({ code: 'custom', path: [lo], message: `${lo} is greater than ${hi}` });
        }
      }
    }),
);

/** A configuration schema must describe an object at the top. */
export const jsonSchemaDocument = jsonSchemaNode.refine(
  (n) => n.type === 'object' || n.type === undefined,
  'the configuration schema must describe an object ("type": "object")',
);
