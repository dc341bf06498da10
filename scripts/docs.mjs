// `npm run docs`: writes the README's generated parts, each from the one place that holds it:
//
//   inputs     action.yml's inputs, and which of them the config file may also set (the config
//              file's JSON Schema, schema/personio-leapsome.schema.json)
//   outputs    action.yml's outputs
//   config     the keys only the config file holds, with their descriptions from the JSON Schema
//   workflows  a link to each example workflow in docs/workflows/, with the workflow's name and its
//              leading comment. Linked, not copied: Dependabot keeps the actions in those files
//              current, and a copy in the README would go stale with every such update.
//
// Each part sits between `<!-- BEGIN GENERATED: <part> … -->` and `<!-- END GENERATED: <part> -->`.
// `npm run docs -- --check` (run by .ci/run) changes nothing and fails when the README differs from
// what this script would write. The JSON Schema is itself generated from the code (see its test).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = 'README.md';
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

/** Text for a Markdown table cell: one line, no `|`, and no raw `<…>` or `*` outside code spans. */
function cell(text) {
  return String(text)
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*<>]/g, (ch) => ({ '<': '&lt;', '>': '&gt;' })[ch] ?? `\\${ch}`)))
    .join('')
    .replace(/\|/g, '\\|');
}

const code = (text) => `\`${text}\``;

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function inputsTable(action, schema) {
  const fileKeys = new Set(Object.keys(schema.properties ?? {}));
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const given = input.default === undefined || input.default === '' ? '' : ` Default: ${code(input.default)}.`;
    const required = input.required === true ? '**Required.** ' : '';
    return [code(name), fileKeys.has(name) ? 'yes' : '', `${required}${cell(input.description)}${given}`];
  });
  return table(['Input', 'Config file', 'Description'], rows);
}

function outputsTable(action) {
  return table(
    ['Output', 'Description'],
    Object.entries(action.outputs ?? {}).map(([name, output]) => [code(name), cell(output.description)]),
  );
}

/** Keys the config file holds that are no input, with their sub-keys (`fields.title`, the long form's `from`, …). */
function configTable(action, schema) {
  const rows = [];
  const inputs = new Set(Object.keys(action.inputs ?? {}));
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (inputs.has(key) || key === '$schema') continue;
    rows.push([code(key), cell(property.description ?? '')]);
    const entries = Object.entries(property.properties ?? {});
    for (const [sub, subProperty] of entries) rows.push([code(`${key}.${sub}`), cell(subProperty.description ?? '')]);
    // A key whose entries may take a long form (an object among the alternatives): its keys once.
    const longForm = entries.flatMap(([, p]) => (p.anyOf ?? []).filter((alt) => alt.type === 'object' && alt.properties !== undefined))[0];
    for (const [sub, subProperty] of Object.entries(longForm?.properties ?? {})) {
      rows.push([code(`${key}.<field>.${sub}`), cell(subProperty.description ?? '')]);
    }
  }
  return table(['Key', 'Description'], rows);
}

/** The leading comment of a workflow, up to its first empty comment line, as one paragraph. */
function leadingComment(text) {
  const lines = [];
  for (const line of text.split('\n')) {
    const m = /^#\s?(.*)$/.exec(line);
    if (m === null || m[1].trim() === '') break;
    lines.push(m[1]);
  }
  return lines.join(' ');
}

function workflowList() {
  const dir = 'docs/workflows';
  return readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => {
      const text = read(`${dir}/${file}`);
      const { name } = parse(text);
      return `- [${code(file)}](${dir}/${file}), **${cell(name ?? file)}**: ${cell(leadingComment(text))}`;
    })
    .join('\n');
}

/** Every generated part of the README, by name. */
function parts() {
  const action = parse(read('action.yml'));
  const schema = JSON.parse(read('schema/personio-leapsome.schema.json'));
  return {
    inputs: inputsTable(action, schema),
    outputs: outputsTable(action),
    config: configTable(action, schema),
    workflows: workflowList(),
  };
}

const BEGIN = /<!-- BEGIN GENERATED: ([a-z-]+)[^>]*-->\n/g;

/** The README with every marked part replaced; throws on a marker without its end or a part nobody generates. */
async function generate(readme, generated) {
  const options = { ...(await prettier.resolveConfig(join(ROOT, README))), parser: 'markdown' };
  let out = '';
  let at = 0;
  const seen = new Set();
  for (const begin of readme.matchAll(BEGIN)) {
    const name = begin[1];
    const endMarker = `<!-- END GENERATED: ${name} -->`;
    const start = begin.index + begin[0].length;
    const end = readme.indexOf(endMarker, start);
    if (end < 0) throw new Error(`${README}: "${begin[0].trim()}" has no "${endMarker}"`);
    if (!(name in generated))
      throw new Error(`${README}: no generated part is called "${name}" (known: ${Object.keys(generated).join(', ')})`);
    seen.add(name);
    // Formatted as Prettier formats the rest of the README (blank lines around it too), so
    // `prettier --check` agrees with it.
    out += `${readme.slice(at, start)}\n${await prettier.format(generated[name], options)}\n`;
    at = end;
  }
  const missing = Object.keys(generated).filter((name) => !seen.has(name));
  if (missing.length > 0)
    throw new Error(
      `${README} has no place for the generated ${missing.join(', ')} (<!-- BEGIN GENERATED: ${missing[0]} --> … <!-- END GENERATED: ${missing[0]} -->)`,
    );
  return out + readme.slice(at);
}

const check = process.argv.includes('--check');
try {
  const current = read(README);
  const wanted = await generate(current, parts());
  if (wanted === current) {
    if (!check) console.log(`${README} is up to date.`);
  } else if (check) {
    console.error(
      `${README} is stale: its generated parts (inputs, outputs, config keys, example workflows) differ from action.yml, the config schema or docs/workflows/. Run \`npm run docs\` and commit ${README}.`,
    );
    process.exitCode = 1;
  } else {
    writeFileSync(join(ROOT, README), wanted);
    console.log(`Wrote ${README}.`);
  }
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
