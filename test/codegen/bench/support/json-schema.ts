/**
 * A small JSON Schema validator for the keywords docs/bench-json.schema.json uses
 * (`type`, `const`, `enum`, `required`, `properties`, `additionalProperties: false`,
 * `items`, `minItems`, `minimum`, and `$ref` to `#/$defs/...`), so that the test checks
 * the bench JSON against the very file users read, without a validator dependency.
 * Returns every violation as `<path>: <what>`; an unsupported keyword is a violation
 * too, so the schema cannot silently outgrow the validator.
 */
type Schema = Record<string, unknown>;

const SUPPORTED = new Set([
  '$schema',
  '$id',
  '$defs',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'minItems',
  'minimum',
  '$ref',
]);

export function validateJson(value: unknown, root: Schema): string[] {
  const errors: string[] = [];
  const visit = (v: unknown, schema: Schema, at: string): void => {
    for (const key of Object.keys(schema))
      if (!SUPPORTED.has(key)) errors.push(`${at}: the validator does not support "${key}"`);
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/$defs/', '');
      visit(v, (root.$defs as Record<string, Schema>)[name]!, at);
      return;
    }
    if ('const' in schema && v !== schema.const)
      errors.push(`${at}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(v)}`);
    if (Array.isArray(schema.enum) && !schema.enum.includes(v))
      errors.push(`${at}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`);
    if (schema.type !== undefined) {
      const types = ([] as unknown[]).concat(schema.type);
      if (!types.some((t) => hasType(v, t as string)))
        errors.push(`${at}: expected ${types.join(' or ')}, got ${JSON.stringify(v)}`);
    }
    if (typeof schema.minimum === 'number' && typeof v === 'number' && v < schema.minimum)
      errors.push(`${at}: ${v} is below ${schema.minimum}`);
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems)
        errors.push(`${at}: fewer than ${schema.minItems} items`);
      if (schema.items !== undefined)
        v.forEach((item, i) => visit(item, schema.items as Schema, `${at}[${i}]`));
    } else if (typeof v === 'object' && v !== null) {
      const record = v as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[])
        if (!(key in record)) errors.push(`${at}: missing "${key}"`);
      for (const [key, item] of Object.entries(record)) {
        if (key in properties) visit(item, properties[key]!, `${at}.${key}`);
        else if (schema.additionalProperties === false) errors.push(`${at}: unexpected "${key}"`);
      }
    }
  };
  visit(value, root, '$');
  return errors;
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeof v === type;
  }
}
