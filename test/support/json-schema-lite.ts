// A small JSON Schema (draft-07) checker for the keywords our config schema uses, so a test can
// check the published schema itself, independently of zod. Any other keyword is an error: the
// checker never silently passes a schema it does not understand.
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema',
  'title',
  'description',
  'type',
  'properties',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'enum',
  'const',
  'pattern',
  'maxLength',
  'anyOf',
  'allOf',
  'minimum',
  'maximum',
  'required',
]);

function typeOk(type: unknown, value: unknown): boolean {
  if (type === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'string') return typeof value === 'string';
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'null') return value === null;
  throw new Error(`json-schema-lite: unknown type ${String(type)}`);
}

/** Problems as `path: message`; an empty list means valid. */
export function validateJsonSchema(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`json-schema-lite: unsupported keyword ${key} at ${path}`);
  const problems: string[] = [];
  if (schema.anyOf !== undefined) {
    const branches = schema.anyOf as Schema[];
    if (!branches.some((b) => validateJsonSchema(b, value, path).length === 0)) problems.push(`${path}: matches no alternative`);
  }
  for (const branch of (schema.allOf ?? []) as Schema[]) problems.push(...validateJsonSchema(branch, value, path));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeOk(t, value))) return [...problems, `${path}: expected ${types.join(' or ')}`];
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value)) problems.push(`${path}: not one of the allowed values`);
  if ('const' in schema && schema.const !== value) problems.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
    problems.push(`${path}: does not match ${schema.pattern}`);
  // JSON Schema counts characters (code points), not UTF-16 units.
  if (typeof value === 'string' && typeof schema.maxLength === 'number' && [...value].length > schema.maxLength)
    problems.push(`${path}: longer than ${schema.maxLength}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      problems.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items !== undefined)
      value.forEach((item, i) => problems.push(...validateJsonSchema(schema.items as Schema, item, `${path}[${i}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    const record = value as Record<string, unknown>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in record)) problems.push(`${path}: missing ${name}`);
    for (const [name, v] of Object.entries(record)) {
      if (schema.propertyNames !== undefined)
        problems.push(...validateJsonSchema(schema.propertyNames as Schema, name, `${path}.${name} (key)`));
      const sub = props[name];
      if (sub !== undefined) problems.push(...validateJsonSchema(sub, v, `${path}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unknown key ${name}`);
      else if (typeof schema.additionalProperties === 'object')
        problems.push(...validateJsonSchema(schema.additionalProperties as Schema, v, `${path}.${name}`));
    }
  }
  return problems;
}
