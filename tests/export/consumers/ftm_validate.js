// Validates a FollowTheMoney export (one entity per line) with the
// FollowTheMoney library itself (npm @alephdata/followthemoney): each entity
// is loaded into the library's model; its schema must exist and not be
// abstract, every property must be one of the schema's, values must be
// strings of the property's type (dates, countries), required properties
// must be there, and an entity reference must name an entity of the file of
// the property's range. Run by run.sh: ftm_validate.js EXPORT EXPECTED.jsonl
const fs = require('fs');
const { Model, defaultModel } = require('@alephdata/followthemoney');
const version = require('@alephdata/followthemoney/package.json').version;

const model = new Model(defaultModel);
const read = (path) => fs.readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const entities = read(process.argv[2]);
const expected = read(process.argv[3]);
const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
const problems = [];
const counts = {};
for (const raw of entities) {
  const where = `${raw.id} (${raw.schema})`;
  let schema;
  try {
    schema = model.getSchema(raw.schema);
  } catch (e) {
    problems.push(`${where}: unknown schema`);
    continue;
  }
  if (schema.abstract) problems.push(`${where}: abstract schema`);
  counts[raw.schema] = (counts[raw.schema] || 0) + 1;
  const props = raw.properties || {};
  for (const [name, values] of Object.entries(props)) {
    if (!schema.hasProperty(name)) {
      problems.push(`${where}: no property ${name}`);
      continue;
    }
    const prop = schema.getProperty(name);
    for (const v of values) {
      if (typeof v !== 'string' || v === '') problems.push(`${where}: ${name} has ${JSON.stringify(v)}`);
      else if (prop.type.name === 'date' && !/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/.test(v)) problems.push(`${where}: ${name} is no date: ${v}`);
      else if (prop.type.name === 'country' && !/^[a-z]{2}(-[a-z0-9]+)?$/.test(v)) problems.push(`${where}: ${name} is no country: ${v}`);
      else if (prop.type.name === 'entity') {
        if (!schemaOf.has(v)) problems.push(`${where}: ${name} names ${v}, not in the file`);
        else if (!model.getSchema(schemaOf.get(v)).isA(prop.getRange())) {
          problems.push(`${where}: ${name} names a ${schemaOf.get(v)}, not a ${prop.getRange().name}`);
        }
      }
    }
  }
  for (const req of schema.required) {
    if (!props[req] || props[req].length === 0) problems.push(`${where}: required ${req} is missing`);
  }
  try {
    const entity = model.getEntity(raw);
    if (entity.getCaption() === undefined) problems.push(`${where}: no caption`);
  } catch (e) {
    problems.push(`${where}: the library refuses it: ${e.message}`);
  }
}
// Every person and organization of the store is there, once.
const legal = expected.filter((r) => (r.type === 'person' || r.type === 'organization') && !r.merged_into).length;
const got = (counts.Person || 0) + (counts.Organization || 0);
if (got !== legal) problems.push(`${got} Person and Organization entities, the store has ${legal}`);
if (problems.length) {
  console.log(`FAIL: ${problems.length} problems in ${entities.length} entities; the first:`);
  for (const p of problems.slice(0, 10)) console.log('  ' + p);
  process.exit(1);
}
console.log(`@alephdata/followthemoney ${version} loads all ${entities.length} entities: ` +
  Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', '));
