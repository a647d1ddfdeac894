#!/usr/bin/env python3
# check-json-schema.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates JSON documents against a JSON Schema (draft 2020-12) that keeps to the subset
# docs/report.schema.json uses: type, properties, required, additionalProperties (false or a
# schema), items, enum, const, anyOf, and $ref to "#/$defs/...".  Any other keyword is an
# error, so the schema cannot silently rely on something this checker ignores.  Standard
# library only.
#
#   check-json-schema.py SCHEMA [DOCUMENT…]    documents from files, or standard input

import json
import sys

KNOWN = {
    '$schema', '$defs', '$ref', 'title', 'description',
    'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf',
}

TYPES = {
    'null': lambda v: v is None,
    'boolean': lambda v: isinstance(v, bool),
    'object': lambda v: isinstance(v, dict),
    'array': lambda v: isinstance(v, list),
    'string': lambda v: isinstance(v, str),
    'number': lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    # As in JSON Schema: a number without a fractional part, so 3.0 is an integer.
    'integer': lambda v: (isinstance(v, int) and not isinstance(v, bool))
                         or (isinstance(v, float) and v.is_integer()),
}


class SchemaError(Exception):
    pass


def resolve(root, ref):
    if not ref.startswith('#/'):
        raise SchemaError(f'only local references are supported: {ref}')
    node = root
    for part in ref[2:].split('/'):
        part = part.replace('~1', '/').replace('~0', '~')
        if not isinstance(node, dict) or part not in node:
            raise SchemaError(f'unresolved reference {ref}')
        node = node[part]
    return node


def same(a, b):
    # JSON equality: true is not 1, and 1 equals 1.0.
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def validate(root, schema, value, path, errors):
    """Appends to errors a message for each way value breaks schema."""
    if schema is True:
        return
    if schema is False:
        errors.append(f'{path}: no value is allowed here')
        return
    if not isinstance(schema, dict):
        raise SchemaError(f'{path}: a schema must be an object or a boolean')
    unknown = set(schema) - KNOWN
    if unknown:
        raise SchemaError(f'{path}: unsupported keywords {sorted(unknown)}')

    if '$ref' in schema:
        validate(root, resolve(root, schema['$ref']), value, path, errors)

    if 'type' in schema:
        types = schema['type'] if isinstance(schema['type'], list) else [schema['type']]
        for name in types:
            if name not in TYPES:
                raise SchemaError(f'{path}: unknown type {name}')
        if not any(TYPES[name](value) for name in types):
            errors.append(f'{path}: expected {" or ".join(types)}, found {json.dumps(value)[:60]}')
            return

    if 'enum' in schema and not any(same(value, option) for option in schema['enum']):
        errors.append(f'{path}: {json.dumps(value)[:60]} is not one of {schema["enum"]}')
    if 'const' in schema and not same(value, schema['const']):
        errors.append(f'{path}: expected {json.dumps(schema["const"])}')

    if 'anyOf' in schema:
        for option in schema['anyOf']:
            attempt = []
            validate(root, option, value, path, attempt)
            if not attempt:
                break
        else:
            errors.append(f'{path}: matches none of the {len(schema["anyOf"])} allowed shapes')

    if isinstance(value, dict):
        properties = schema.get('properties', {})
        for name in schema.get('required', []):
            if name not in value:
                errors.append(f'{path}: missing member "{name}"')
        for name, member in value.items():
            if name in properties:
                validate(root, properties[name], member, f'{path}.{name}', errors)
            elif 'additionalProperties' in schema:
                validate(root, schema['additionalProperties'], member, f'{path}.{name}', errors)

    if isinstance(value, list) and 'items' in schema:
        for index, item in enumerate(value):
            validate(root, schema['items'], item, f'{path}[{index}]', errors)


def check(schema, document, name):
    errors = []
    validate(schema, schema, document, '$', errors)
    for error in errors[:20]:
        print(f'{name}: {error}', file=sys.stderr)
    if len(errors) > 20:
        print(f'{name}: … and {len(errors) - 20} more', file=sys.stderr)
    return not errors


def main(argv):
    if len(argv) < 2:
        print('usage: check-json-schema.py SCHEMA [DOCUMENT…]', file=sys.stderr)
        return 2
    with open(argv[1], encoding='utf-8') as f:
        schema = json.load(f)
    ok = True
    try:
        if len(argv) == 2:
            ok = check(schema, json.load(sys.stdin), '<stdin>')
        for name in argv[2:]:
            with open(name, encoding='utf-8') as f:
                ok = check(schema, json.load(f), name) and ok
    except SchemaError as error:
        print(f'{argv[1]}: {error}', file=sys.stderr)
        return 2
    except json.JSONDecodeError as error:
        print(f'not JSON: {error}', file=sys.stderr)
        return 1
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
