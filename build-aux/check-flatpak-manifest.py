#!/usr/bin/env python3
# check-flatpak-manifest.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The offline part of Flathub's manifest rules (shared/FLATHUB.md) for Rapport's two manifests.
#
#   check-flatpak-manifest.py --base-id ID MANIFEST.json...
#   check-flatpak-manifest.py --base-id ID --self-test MANIFEST.json...
#
# A manifest named ID.json must have the id ID, one named ID.Devel.json the id ID.Devel.
# --self-test breaks each manifest in memory, one rule at a time, and fails unless every broken
# copy is rejected, so that a checker which lets everything pass cannot go unnoticed.

import argparse
import json
import os
import sys

# Flathub's logical order of the top-level keys.
KEY_ORDER = ['id', 'runtime', 'runtime-version', 'sdk', 'command', 'finish-args', 'cleanup', 'modules']
REQUIRED_KEYS = ['id', 'runtime', 'runtime-version', 'sdk', 'command', 'finish-args', 'modules']
# --share=network is for the opt-in refresh of public figures from Bluesky and Mastodon, the one
# networked feature; the metainfo description says so.
ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri',
                       '--share=network']
EXPECTED = {
    'runtime': 'org.gnome.Platform',
    'sdk': 'org.gnome.Sdk',
    'command': 'rapport',
}


class ManifestError(Exception):
    pass


def reject_duplicate_keys(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise ManifestError(f'the key "{key}" appears twice in one object')
        seen.add(key)
    return dict(pairs)


def expected_id(file_name, base_id):
    name = os.path.basename(file_name)
    if name == base_id + '.json':
        return base_id
    if name == base_id + '.Devel.json':
        return base_id + '.Devel'
    raise ManifestError(f'the file name must be {base_id}.json or {base_id}.Devel.json')


def is_network_arg(arg):
    return arg == '--share=network'


def is_broad_filesystem(arg):
    if not isinstance(arg, str) or not arg.startswith('--filesystem='):
        return False
    place = arg[len('--filesystem='):].split(':', 1)[0].rstrip('/')
    return place in ('home', 'host', 'host-os', 'host-etc', '~')


def check_build_options(options, where, problems):
    if not isinstance(options, dict):
        return
    for arg in options.get('build-args', []):
        if is_network_arg(arg):
            problems.append(f'{where}: build-args grant network access during the build')
    for arch in (options.get('arch') or {}).values():
        check_build_options(arch, where + ' (arch)', problems)


def check_modules(modules, problems, path='modules'):
    if not isinstance(modules, list) or not modules:
        problems.append(f'{path}: must be a non-empty list')
        return
    for index, module in enumerate(modules):
        if isinstance(module, str):
            # A module kept in its own file: it is checked where it lives.
            continue
        if not isinstance(module, dict):
            problems.append(f'{path}[{index}]: must be an object')
            continue
        where = f'{path}[{index}] ({module.get("name", "unnamed")})'
        if not module.get('name'):
            problems.append(f'{where}: has no name')
        check_build_options(module.get('build-options'), where, problems)
        for source_index, source in enumerate(module.get('sources', [])):
            if not isinstance(source, dict):
                continue
            if source.get('type') == 'git':
                for key in ('tag', 'commit'):
                    if not source.get(key):
                        problems.append(f'{where}: git source {source_index} has no "{key}"')
                if source.get('branch'):
                    problems.append(f'{where}: git source {source_index} follows a branch')
        if 'modules' in module:
            check_modules(module['modules'], problems, where + '.modules')


def check_text(text, file_name, base_id):
    """Returns the list of problems of one manifest's text (empty when it passes)."""
    problems = []

    if '\r' in text:
        problems.append('line endings must be LF only (found CR)')
    if not text.endswith('\n'):
        problems.append('the file must end with a newline')
    elif text.endswith('\n\n'):
        problems.append('the file must end with exactly one newline')

    try:
        manifest = json.loads(text, object_pairs_hook=reject_duplicate_keys)
    except (ValueError, ManifestError) as error:
        return problems + [f'not valid JSON: {error}']
    if not isinstance(manifest, dict):
        return problems + ['the top level must be an object']

    try:
        want_id = expected_id(file_name, base_id)
    except ManifestError as error:
        return problems + [str(error)]

    if 'app-id' in manifest:
        problems.append('use "id", not the legacy "app-id"')
    if manifest.get('id') != want_id:
        problems.append(f'"id" is {manifest.get("id")!r}, expected {want_id!r}')

    for key in REQUIRED_KEYS:
        if key not in manifest:
            problems.append(f'the key "{key}" is missing')
    for key, value in EXPECTED.items():
        if key in manifest and manifest[key] != value:
            problems.append(f'"{key}" is {manifest[key]!r}, expected {value!r}')
    version = manifest.get('runtime-version')
    if 'runtime-version' in manifest and (not isinstance(version, str) or not version.isdigit()):
        problems.append(f'"runtime-version" must be a stable GNOME release, not {version!r}')

    ordered = [key for key in manifest if key in KEY_ORDER]
    if ordered != sorted(ordered, key=KEY_ORDER.index):
        problems.append('top-level keys must come in the order ' + ', '.join(KEY_ORDER)
                        + ' (found ' + ', '.join(ordered) + ')')

    if 'branch' in manifest or 'default-branch' in manifest:
        problems.append('no "branch" at the top level (Flathub sets it)')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if is_broad_filesystem(arg):
            problems.append(f'{arg}: files come through the document portal')
    if finish_args != ALLOWED_FINISH_ARGS:
        problems.append('finish-args must be exactly ' + ' '.join(ALLOWED_FINISH_ARGS)
                        + ' (found ' + ' '.join(map(str, finish_args)) + ')')

    check_build_options(manifest.get('build-options'), 'build-options', problems)
    check_modules(manifest.get('modules'), problems)

    return problems


def breakages(manifest):
    """Yields (what, broken text) pairs, each breaking one rule of a valid manifest."""
    def dump(data):
        return json.dumps(data, indent=2) + '\n'

    def changed(edit):
        data = json.loads(json.dumps(manifest))
        edit(data)
        return dump(data)

    good = dump(manifest)
    yield 'CRLF line endings', good.replace('\n', '\r\n')
    yield 'no final newline', good.rstrip('\n')
    yield 'wrong id', changed(lambda d: d.update(id=d['id'] + 'x'))
    yield 'keys out of order', dump({'modules': manifest['modules'],
                                     **{k: v for k, v in manifest.items() if k != 'modules'}})
    yield 'top-level branch', changed(lambda d: d.update(branch='stable'))
    yield 'home access', changed(lambda d: d['finish-args'].append('--filesystem=home'))
    yield 'host access', changed(lambda d: d['finish-args'].append('--filesystem=host:ro'))
    yield 'network access twice', changed(lambda d: d['finish-args'].append('--share=network'))
    yield 'missing finish-arg', changed(lambda d: d['finish-args'].pop())
    yield 'missing command', changed(lambda d: d.pop('command'))
    yield 'network during the build', changed(
        lambda d: d['modules'][0].update({'build-options': {'build-args': ['--share=network']}}))
    yield 'git source without commit', changed(lambda d: d['modules'][0]['sources'].append(
        {'type': 'git', 'url': 'https://example.org/x.git', 'tag': 'v1'}))
    yield 'git source without tag', changed(lambda d: d['modules'][0]['sources'].append(
        {'type': 'git', 'url': 'https://example.org/x.git',
         'commit': '0123456789abcdef0123456789abcdef01234567'}))


def main():
    parser = argparse.ArgumentParser(description='Checks Flatpak manifests against Flathub\'s offline rules.')
    parser.add_argument('--base-id', required=True)
    parser.add_argument('--self-test', action='store_true')
    parser.add_argument('manifests', nargs='+')
    args = parser.parse_args()

    failed = False
    for file_name in args.manifests:
        with open(file_name, 'rb') as f:
            raw = f.read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as error:
            print(f'{file_name}: not UTF-8: {error}')
            failed = True
            continue

        problems = check_text(text, file_name, args.base_id)
        for problem in problems:
            print(f'{file_name}: {problem}')
        failed = failed or bool(problems)
        if problems or not args.self_test:
            if not problems:
                print(f'{file_name}: ok')
            continue

        manifest = json.loads(text)
        for what, broken in breakages(manifest):
            if check_text(broken, file_name, args.base_id):
                print(f'{file_name}: rejected when broken: {what}')
            else:
                print(f'{file_name}: NOT rejected when broken: {what}')
                failed = True

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
