/**
 * A CloudFormation template checked against AWS's resource specification (the
 * `@aws-cdk/cfnspec` package): resource types, property names, required properties, value
 * shapes (string, list, nested type, JSON), attributes of Fn::GetAtt, and that every Ref,
 * Fn::Sub variable and condition names something the template or AWS defines.
 * `npx tsx scripts/lint-cloudformation.ts <template.yml>` prints one line per problem.
 * (The npm package named cfn-lint is a 2019 validator that rejects current properties; AWS's
 * cfn-lint is a Python tool.)
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

interface PropertySpec {
  Required?: boolean;
  PrimitiveType?: string;
  Type?: string;
  PrimitiveItemType?: string;
  ItemType?: string;
}
interface TypeSpec {
  Properties?: Record<string, PropertySpec>;
  Attributes?: Record<string, unknown>;
}
export interface CfnSpec {
  ResourceTypes: Record<string, TypeSpec>;
  PropertyTypes: Record<string, TypeSpec>;
}

export function cfnSpecification(): CfnSpec {
  return (
    createRequire(import.meta.url)('@aws-cdk/cfnspec') as { specification(): CfnSpec }
  ).specification();
}

type Template = Record<string, unknown>;
const PSEUDO = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];
const SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
];
const PARAMETER_TYPES = ['String', 'Number', 'List<Number>', 'CommaDelimitedList'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const intrinsic = (v: unknown): string | undefined => {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))
    ? keys[0]
    : undefined;
};

export function lintTemplate(template: Template, spec: CfnSpec): string[] {
  const problems: string[] = [];
  const parameters = isObject(template['Parameters']) ? template['Parameters'] : {};
  const conditions = isObject(template['Conditions']) ? template['Conditions'] : {};
  const resources = isObject(template['Resources']) ? template['Resources'] : {};
  for (const key of Object.keys(template))
    if (!SECTIONS.includes(key)) problems.push(`${key}: not a template section`);
  if (template['AWSTemplateFormatVersion'] !== '2010-09-09')
    problems.push('AWSTemplateFormatVersion: must be the string 2010-09-09');
  for (const [name, p] of Object.entries(parameters))
    if (
      !isObject(p) ||
      !(PARAMETER_TYPES.includes(String(p['Type'])) || String(p['Type']).startsWith('AWS::'))
    )
      problems.push(
        `Parameters.${name}.Type: ${String(isObject(p) ? p['Type'] : p)} is not a parameter type`,
      );

  const typeOf = (resource: string): string | undefined => {
    const r = resources[resource];
    return isObject(r) ? String(r['Type']) : undefined;
  };

  /** Refs, Fn::Sub variables, Fn::GetAtt and Fn::If anywhere under `value`. */
  const references = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => references(v, `${where}[${i}]`));
    if (!isObject(value)) return;
    const fn = intrinsic(value);
    const arg = fn ? value[fn] : undefined;
    const known = (name: string): boolean =>
      name in parameters || name in resources || PSEUDO.includes(name);
    if (fn === 'Ref' && !known(String(arg)))
      problems.push(`${where}: Ref ${String(arg)} names nothing`);
    if (fn === 'Fn::Sub') {
      const text = Array.isArray(arg) ? arg[0] : arg;
      if (typeof text !== 'string') problems.push(`${where}: Fn::Sub needs a string`);
      else
        for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const [name, attribute] = m[1]!.split('.') as [string, string | undefined];
          if (!known(name)) problems.push(`${where}: Fn::Sub variable \${${m[1]}} names nothing`);
          else if (attribute) getAtt(name, attribute, where);
        }
    }
    if (fn === 'Fn::GetAtt') {
      const [name, attribute] = Array.isArray(arg) ? arg : String(arg).split('.');
      getAtt(String(name), String(attribute), where);
    }
    if (fn === 'Fn::If' && !(String((arg as unknown[])[0]) in conditions))
      problems.push(`${where}: Fn::If condition ${String((arg as unknown[])[0])} is not defined`);
    for (const [k, v] of Object.entries(value)) references(v, `${where}.${k}`);
  };
  const getAtt = (name: string, attribute: string, where: string): void => {
    const type = typeOf(name);
    if (!type) return void problems.push(`${where}: Fn::GetAtt ${name} is not a resource`);
    if (!(attribute in (spec.ResourceTypes[type]?.Attributes ?? {})))
      problems.push(`${where}: ${type} has no attribute ${attribute}`);
  };

  const checkValue = (value: unknown, prop: PropertySpec, owner: string, where: string): void => {
    if (intrinsic(value)) return;
    if (prop.PrimitiveType === 'Json') {
      if (!isObject(value)) problems.push(`${where}: expected a JSON object`);
      return;
    }
    if (prop.PrimitiveType) return checkPrimitive(value, prop.PrimitiveType, where);
    if (prop.Type === 'List') {
      if (!Array.isArray(value)) return void problems.push(`${where}: expected a list`);
      value.forEach((item, i) =>
        prop.PrimitiveItemType
          ? intrinsic(item) || checkPrimitive(item, prop.PrimitiveItemType, `${where}[${i}]`)
          : checkProperties(item, `${owner}.${prop.ItemType}`, owner, `${where}[${i}]`),
      );
      return;
    }
    if (prop.Type && prop.Type !== 'Map')
      checkProperties(value, `${owner}.${prop.Type}`, owner, where);
  };
  const checkPrimitive = (value: unknown, type: string, where: string): void => {
    const ok =
      type === 'String'
        ? typeof value === 'string'
        : type === 'Boolean'
          ? typeof value === 'boolean' || value === 'true' || value === 'false'
          : type === 'Integer' || type === 'Double' || type === 'Long'
            ? typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(String(value))
            : true;
    if (!ok) problems.push(`${where}: expected ${type}, got ${JSON.stringify(value)}`);
  };
  const checkProperties = (
    value: unknown,
    typeName: string,
    owner: string,
    where: string,
  ): void => {
    const type = spec.PropertyTypes[typeName] ?? spec.ResourceTypes[typeName];
    if (!type) return void problems.push(`${where}: the specification has no type ${typeName}`);
    if (!isObject(value)) return void problems.push(`${where}: expected an object of ${typeName}`);
    const props = type.Properties ?? {};
    for (const [name, v] of Object.entries(value)) {
      const prop = props[name];
      if (!prop) problems.push(`${where}.${name}: not a property of ${typeName}`);
      else checkValue(v, prop, owner, `${where}.${name}`);
    }
    for (const [name, prop] of Object.entries(props))
      if (prop.Required && !(name in value))
        problems.push(`${where}.${name}: required by ${typeName}`);
  };

  for (const [name, r] of Object.entries(resources)) {
    const where = `Resources.${name}`;
    if (!isObject(r)) {
      problems.push(`${where}: expected an object`);
      continue;
    }
    const type = String(r['Type']);
    if (!spec.ResourceTypes[type]) {
      problems.push(`${where}.Type: ${type} is not a CloudFormation resource type`);
      continue;
    }
    if (r['Condition'] !== undefined && !(String(r['Condition']) in conditions))
      problems.push(`${where}.Condition: ${String(r['Condition'])} is not defined`);
    checkProperties(r['Properties'] ?? {}, type, type, `${where}.Properties`);
    references(r['Properties'], `${where}.Properties`);
  }
  references(template['Outputs'], 'Outputs');
  references(conditions, 'Conditions');
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx scripts/lint-cloudformation.ts <template.yml>');
    process.exit(2);
  }
  const problems = lintTemplate(parse(readFileSync(file, 'utf8')) as Template, cfnSpecification());
  for (const p of problems) console.error(`${file}: ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(`${file}: valid against the CloudFormation resource specification`);
}
