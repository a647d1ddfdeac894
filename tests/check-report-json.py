#!/usr/bin/env python3
# check-report-json.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Imports fixture exports into a fresh data folder with the built binary ($RAPPORT_BIN), runs
# `rapport report --json` and checks the output against docs/report.schema.json with
# check-json-schema.py.  Then breaks copies of the output in the ways a regression would (a
# member missing, renamed, of the wrong type, an unknown enum value) and checks that each is
# rejected, so the check itself cannot pass vacuously.
#
#   check-report-json.py SOURCE_ROOT

import copy
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

FIXTURES = [
    'tests/fixtures/instagram/2022',
    'tests/fixtures/instagram/2024',
    'tests/fixtures/twitter/archive-2024',
    'tests/fixtures/twitter/no-account',
    'tests/fixtures/tiktok/old',
]


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def run(binary, data_dir, *args):
    return subprocess.run([binary, *args, '--data-dir', data_dir],
                          capture_output=True, text=True, timeout=120)


def main(argv):
    source_root = argv[1]
    binary = os.environ['RAPPORT_BIN']
    spec = importlib.util.spec_from_file_location(
        'check_json_schema', os.path.join(source_root, 'tests', 'check-json-schema.py'))
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    with open(os.path.join(source_root, 'docs', 'report.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)

    def errors_of(document):
        errors = []
        checker.validate(schema, schema, document, '$', errors)
        return errors

    data_dir = tempfile.mkdtemp(prefix='rapport-report-json-')
    try:
        imported = run(binary, data_dir, 'import',
                       *[os.path.join(source_root, path) for path in FIXTURES])
        if imported.returncode != 0:
            fail(f'import failed ({imported.returncode}): {imported.stderr}')

        every = run(binary, data_dir, 'report', '--json')
        if every.returncode != 0:
            fail(f'report --json failed ({every.returncode}): {every.stderr}')
        reports = json.loads(every.stdout)
        if not isinstance(reports, list) or len(reports) != 4:
            fail(f'expected the reports of 4 accounts, got {type(reports).__name__} '
                 f'of {len(reports)}')
        errors = errors_of(reports)
        if errors:
            fail('report --json breaks the schema:\n  ' + '\n  '.join(errors[:20]))
        platforms = sorted(report['account']['platform'] for report in reports)
        if platforms != ['instagram', 'tiktok', 'twitter', 'twitter']:
            fail(f'unexpected accounts {platforms}')
        instagram = next(r for r in reports if r['account']['platform'] == 'instagram')
        if len(instagram['snapshots']) != 2 or len(instagram['churn']['steps']) != 1:
            fail('the two Instagram exports should be one account with one churn step')
        since = instagram['since_last_export']
        step = instagram['churn']['steps'][0]
        if (since['state'], since['n_exports'], since['explanation']) != ('changes', 2, None) or \
                (since['gained'], since['lost'], since['renamed']) != \
                (step['gained']['count'], step['lost']['count'], step['renames']['count']):
            fail(f'"since your last export" should be the churn step\'s counts: {since}')
        if instagram['names'] != {'followers': None, 'following': None}:
            fail(f'Instagram lists have names, not ids to name: {instagram["names"]}')
        # The X archive without account.js: its posts name followers 1001 and 1002 of three,
        # and 1001 of the two accounts it follows.
        river = next(r for r in reports if r['account']['handle'] == 'river_notes')
        named = (river['names']['followers'], river['names']['following'])
        if [(n['n_listed'], n['n_with_id'], n['n_named']) for n in named] != [(3, 3, 2), (2, 2, 1)]:
            fail(f'unexpected names of X ids: {river["names"]}')

        one = run(binary, data_dir, 'report', '--json', '--account',
                  str(instagram['account']['id']))
        if one.returncode != 0:
            fail(f'report --json --account failed: {one.stderr}')
        single = json.loads(one.stdout)
        if not isinstance(single, dict) or errors_of(single):
            fail('report --json --account is not one valid report object')
        if single != instagram:
            fail('the report of one account differs from its entry in the list')

        missing = run(binary, data_dir, 'report', '--account', '999')
        if missing.returncode != 1 or missing.stderr.count('\n') != 1 or missing.stdout:
            fail(f'a missing account should fail with one message, got {missing.returncode}: '
                 f'{missing.stderr!r}')

        text = run(binary, data_dir, 'report')
        for heading in ('Since your last export', 'Followers', 'Engagement', 'Reciprocity',
                        'Gained and lost followers',
                        'Hashtags', 'Collaborations', 'Consistency', 'Follower jumps and drops',
                        'Data coverage', 'Suggestions'):
            if text.stdout.count(f'\n{heading}') < 4:
                fail(f'the text report lacks the section "{heading}" for some account')
        for line in ('2 of 3 followers named from your own mentions and replies',
                     '1 of 2 accounts you follow named from your own mentions and replies'):
            if line not in text.stdout:
                fail(f'the text report lacks "{line}"')
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)

    # Issue 17's degraded accounts, each in a data folder of its own: the headline says what
    # the data allows, and the tags' usage is there without any rate.
    expected = {
        'tests/fixtures/degraded/twitter-2025-03-01-kai_writes': ('interactions', ['no-followers']),
        'tests/fixtures/degraded/instagram-ida.clay-2025-03-01': ('none', ['no-engagement']),
        'tests/fixtures/degraded/tiktok-ben.beats-2025-03-01':
            ('held-back', ['few-posts', 'small-base', 'rebuilt-base', 'unreliable-rate']),
    }
    for path, (kind, reasons) in expected.items():
        data_dir = tempfile.mkdtemp(prefix='rapport-report-json-')
        try:
            imported = run(binary, data_dir, 'import', os.path.join(source_root, path))
            if imported.returncode != 0:
                fail(f'import of {path} failed: {imported.stderr}')
            one = run(binary, data_dir, 'report', '--json')
            report = json.loads(one.stdout)[0]
            errors = errors_of(report)
            if errors:
                fail(f'report --json of {path} breaks the schema:\n  ' + '\n  '.join(errors[:20]))
            headline = report['engagement']['headline']
            if (headline['kind'], headline['reasons']) != (kind, reasons):
                fail(f'{path}: unexpected headline {headline}')
            if not report['hashtags']['usage']['items']:
                fail(f'{path}: the tags should be listed by use, whether or not posts have rates')
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)

    # Each of these breaks the documented shape; the check must notice every one.
    breakages = {
        'a required member removed': lambda r: r[0]['engagement'].pop('median_rate'),
        'a member renamed': lambda r: r[0]['account'].update(user=r[0]['account'].pop('handle')),
        'a number as a string': lambda r: r[0]['series'].update(n_days='802'),
        'NaN written as a string': lambda r: r[0]['engagement'].update(median_rate='NaN'),
        'an unknown category': lambda r: r[0]['coverage'][0].update(level='some'),
        'a list without its count': lambda r: r[0]['anomalies'].pop('count'),
        'a date as a number': lambda r: r[0]['snapshots'][0].update(exported_at=1),
        'names without their count': lambda r: r[0]['names'].pop('following'),
        'not a list of reports': lambda r: r.append(42),
    }
    for name, breaking in breakages.items():
        broken = copy.deepcopy(reports)
        breaking(broken)
        if not errors_of(broken):
            fail(f'the schema check accepts output with {name}')

    print(f'ok: {len(reports)} reports match docs/report.schema.json; '
          f'{len(breakages)} broken copies are rejected')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
