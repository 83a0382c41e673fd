// The request validation settings, in one place for the API and the imports. Bodies are JSON and
// are taken as sent: a wrong type is a 400, never coerced (`"anonymiseAfterYears": true` is not a
// 1). Query strings, path parameters and headers arrive as text, so they alone are parsed into
// the types their schemas name (`?limit=50` → 50, `?year=2026` → 2026, a single value → an array).
// Unknown fields are an error, never silently dropped (architecture, "Traps").
// `x-rule` names the rule that sets a field's bounds (schemas.ts `ruled`), `x-schema-name` a shape's
// name in the OpenAPI document (openapi-components.ts): keywords Ajv knows and ignores.
const common = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  keywords: ['x-rule', 'x-schema-name'] as string[],
} as const;

/** Ajv options for request bodies and import rows: no coercion. */
export const BODY_VALIDATION = { ...common, coerceTypes: false } as const;

/** Ajv options for query strings, path parameters and headers: text parsed into the schema's types. */
export const TEXT_VALIDATION = { ...common, coerceTypes: 'array' } as const;
