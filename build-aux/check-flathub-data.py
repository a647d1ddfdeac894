#!/usr/bin/env python3
# check-flathub-data.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Flathub's metainfo and desktop-file rules (shared/FLATHUB.md) that neither appstreamcli nor
# desktop-file-validate enforce: they rate a missing developer, a summary that repeats the name or a
# screenshot taken from a branch as hints at most, and do not look at branding or release dates.
#
#   check-flathub-data.py --app-id ID --version X.Y.Z --icon SVG --symbolic-icon SVG METAINFO DESKTOP
#
# The icons are checked too: the app icon on a 128 px canvas, the symbolic one on 16 px in the one
# colour GTK recolours (#2e3436), filled paths only; neither may hold text or bitmaps.
#
# With --self-test it also breaks each file in memory, one rule at a time, and fails unless every
# broken copy is rejected.

import argparse
import datetime
import re
import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
DESCRIPTION_TAGS = {'p', 'ul', 'ol', 'li', 'em', 'code'}
GENERIC_CATEGORIES = {'GTK', 'GNOME', 'Qt', 'KDE', 'Application'}
BRANCH_NAMES = {'main', 'master', 'HEAD', 'develop', 'devel', 'trunk', 'stable'}
HEX_COLOR = re.compile(r'^#[0-9a-fA-F]{6}$')
COMMIT = re.compile(r'^[0-9a-f]{40}$')
TAG = re.compile(r'^v?\d+(\.\d+)*$')


def untranslated(parent, tag):
    return [child for child in parent.findall(tag) if child.get(XML_LANG) is None]


def text_of(element):
    return ' '.join(''.join(element.itertext()).split()) if element is not None else ''


def version_key(version):
    return [int(part) if part.isdigit() else part for part in re.split(r'[.\-+~]', version)]


def pinned_ref(url):
    """The git ref an image URL on a forge is addressed at, or None when it cannot be told."""
    match = re.match(r'^https://raw\.githubusercontent\.com/[^/]+/[^/]+/([^/]+)/', url)
    if match:
        return match.group(1)
    match = re.match(r'^https://[^/]+/[^/]+/[^/]+/(?:-/)?raw/([^/]+)/', url)
    if match:
        return match.group(1)
    return None


def check_metainfo(text, app_id, version, today):
    problems = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f'not well-formed XML: {error}']

    if root.tag != 'component' or root.get('type') != 'desktop-application':
        problems.append('the root must be <component type="desktop-application">')
    if text_of(root.find('id')) != app_id:
        problems.append(f'<id> must be {app_id}')
    if text_of(root.find('metadata_license')) != 'CC0-1.0':
        problems.append('<metadata_license> must be CC0-1.0')
    if not text_of(root.find('project_license')):
        problems.append('<project_license> is missing')

    names = untranslated(root, 'name')
    name = text_of(names[0]) if names else ''
    if len(names) != 1 or not name:
        problems.append('exactly one untranslated <name> is required')
    elif len(name) >= 20 or name.endswith('.'):
        problems.append(f'the name "{name}" must be under 20 characters without a final period')

    summaries = untranslated(root, 'summary')
    summary = text_of(summaries[0]) if summaries else ''
    if len(summaries) != 1 or not summary:
        problems.append('exactly one untranslated <summary> is required')
    else:
        if not 10 <= len(summary) <= 35:
            problems.append(f'the summary "{summary}" has {len(summary)} characters (10 to 35)')
        if summary.endswith('.'):
            problems.append('the summary must not end with a period')
        if name and name.lower() in summary.lower():
            problems.append('the summary must not repeat the name')

    description = root.find('description')
    if description is None or not text_of(description):
        problems.append('<description> is missing')
    else:
        for element in description.iter():
            if element is not description and element.tag not in DESCRIPTION_TAGS:
                problems.append(f'<description> may not contain <{element.tag}>')

    developers = root.findall('developer')
    if len(developers) != 1:
        problems.append('exactly one <developer> is required')
    elif not developers[0].get('id') or not text_of(developers[0].find('name')):
        problems.append('<developer> needs an id and a <name>')

    launchables = [l for l in root.findall('launchable') if l.get('type') == 'desktop-id']
    if [text_of(l) for l in launchables] != [app_id + '.desktop']:
        problems.append(f'one <launchable type="desktop-id">{app_id}.desktop</launchable> is required')

    rating = root.find('content_rating')
    if rating is None or rating.get('type') != 'oars-1.1':
        problems.append('<content_rating type="oars-1.1"> is required')

    urls = {url.get('type'): text_of(url) for url in root.findall('url')}
    for kind in ('homepage', 'bugtracker', 'vcs-browser'):
        if not urls.get(kind, '').startswith('https://'):
            problems.append(f'an https <url type="{kind}"> is required')

    screenshots = root.findall('screenshots/screenshot')
    if not screenshots:
        problems.append('at least one <screenshot> is required')
    if sum(1 for s in screenshots if s.get('type') == 'default') != 1:
        problems.append('exactly one screenshot must be type="default"')
    for index, screenshot in enumerate(screenshots):
        images = screenshot.findall('image')
        if not images or not untranslated(screenshot, 'caption'):
            problems.append(f'screenshot {index + 1} needs an image and a caption')
        for image in images:
            url = text_of(image)
            ref = pinned_ref(url)
            if not url.startswith('https://'):
                problems.append(f'screenshot {url} must be https')
            elif ref is None or ref in BRANCH_NAMES or not (COMMIT.match(ref) or TAG.match(ref)):
                problems.append(f'screenshot {url} must be addressed at a tag or commit')

    releases = root.findall('releases/release')
    if not releases:
        problems.append('<releases> needs at least one <release>')
    else:
        versions = [r.get('version', '') for r in releases]
        if versions[0] != version:
            problems.append(f'the newest release is {versions[0]}, the project is {version}')
        if versions != sorted(versions, key=version_key, reverse=True) or len(set(versions)) != len(versions):
            problems.append('releases must be listed newest first, each version once')
        for release in releases:
            date = release.get('date')
            try:
                day = datetime.date.fromisoformat(date or '')
            except ValueError:
                problems.append(f'release {release.get("version")} needs a date (YYYY-MM-DD)')
                continue
            if day > today:
                problems.append(f'release {release.get("version")} is dated in the future ({date})')

    colors = {c.get('scheme_preference'): c.text or ''
              for c in root.findall('branding/color') if c.get('type') == 'primary'}
    for scheme in ('light', 'dark'):
        if not HEX_COLOR.match(colors.get(scheme, '')):
            problems.append(f'<branding> needs a {scheme} primary colour (#rrggbb)')
    if colors.get('light') and colors.get('light', '').lower() == colors.get('dark', '').lower():
        problems.append('the light and dark branding colours must differ')

    translation = root.find('translation')
    if translation is None or translation.get('type') != 'gettext' or not text_of(translation):
        problems.append('<translation type="gettext"> is recommended')
    controls = {text_of(c) for c in root.findall('supports/control')}
    if not {'keyboard', 'pointing', 'touch'} <= controls:
        problems.append('<supports> should list keyboard, pointing and touch')
    lengths = [d for d in root.findall('requires/display_length')]
    if not any(d.get('compare') == 'ge' and text_of(d).isdigit() and int(text_of(d)) <= 360
               for d in lengths):
        problems.append('<requires> should hold <display_length compare="ge">360</display_length>')

    return problems


def parse_desktop(text):
    groups, group = {}, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('[') and line.endswith(']'):
            group = groups.setdefault(line[1:-1], {})
        elif '=' in line and group is not None:
            key, value = line.split('=', 1)
            group[key.strip()] = value.strip()
    return groups


def check_desktop(text, app_id):
    problems = []
    entry = parse_desktop(text).get('Desktop Entry')
    if entry is None:
        return ['no [Desktop Entry] group']
    if entry.get('Type') != 'Application':
        problems.append('Type must be Application')
    if entry.get('Icon') != app_id:
        problems.append(f'Icon must be {app_id}')
    exec_line = entry.get('Exec', '')
    if not exec_line.split() or exec_line.split()[0] != 'rapport' or 'flatpak' in exec_line:
        problems.append('Exec must start the rapport binary directly (no flatpak run)')
    categories = [c for c in entry.get('Categories', '').split(';') if c]
    if not set(categories) - GENERIC_CATEGORIES:
        problems.append('Categories must go beyond GTK, GNOME and Application')
    for key in ('Hidden', 'NoDisplay'):
        if entry.get(key, 'false').lower() == 'true':
            problems.append(f'the application must not be hidden ({key}=true)')
    if entry.get('DBusActivatable', 'false').lower() == 'true':
        problems.append('DBusActivatable needs a D-Bus service file, which Rapport does not install')
    if entry.get('StartupNotify') != 'true':
        problems.append('StartupNotify must be true')
    if not entry.get('Keywords', '').endswith(';'):
        problems.append('Keywords must be present and end with a semicolon')
    return problems


SVG = '{http://www.w3.org/2000/svg}'


def check_icon(text, size, symbolic):
    problems = []
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        return [f'not well-formed SVG: {error}']
    if root.tag != SVG + 'svg' or root.get('viewBox') != f'0 0 {size} {size}':
        problems.append(f'the icon must be an SVG with viewBox="0 0 {size} {size}"')
    for element in root.iter():
        tag = element.tag.replace(SVG, '')
        if tag in ('text', 'image', 'script', 'foreignObject'):
            problems.append(f'the icon must not contain <{tag}> (no text, bitmaps or scripts)')
        if not symbolic:
            continue
        if element.get('style'):
            problems.append('a symbolic icon uses plain fill attributes, not style=""')
        for attribute in ('fill', 'stroke', 'stop-color'):
            value = element.get(attribute)
            if attribute == 'stroke' and value not in (None, 'none'):
                problems.append('a symbolic icon is made of filled paths only (no strokes)')
            elif attribute != 'stroke' and value not in (None, 'none', '#2e3436'):
                problems.append(f'a symbolic icon is drawn in #2e3436 only (found {value})')
    return problems


def metainfo_breakages(text):
    yield 'developer removed', re.sub(r'<developer.*?</developer>', '', text, flags=re.S)
    yield 'second developer', text.replace('</developer>', '</developer>\n<developer id="x"><name>X</name></developer>', 1)
    yield 'summary ends in a period', re.sub(r'<summary>([^<]*)</summary>', r'<summary>\1.</summary>', text, count=1)
    yield 'summary too short', re.sub(r'<summary>[^<]*</summary>', '<summary>Grow</summary>', text, count=1)
    yield 'summary repeats the name', re.sub(r'<summary>[^<]*</summary>', '<summary>Rapport for creators</summary>', text, count=1)
    yield 'bold in the description', text.replace('<p>', '<p><b>Bold</b> ', 1)
    yield 'branding removed', re.sub(r'<branding>.*?</branding>', '', text, flags=re.S)
    yield 'dark colour removed', re.sub(r'<color[^>]*scheme_preference="dark"[^>]*>[^<]*</color>', '', text)
    yield 'release in the future', re.sub(r'date="\d{4}-', 'date="2999-', text, count=1)
    yield 'releases out of order', text.replace('<releases>', '<releases>\n<release version="0.0.1" date="2020-01-01"/>', 1)
    yield 'screenshot from a branch', re.sub(r'(raw\.githubusercontent\.com/[^/]+/[^/]+/)[^/]+/', r'\1main/', text, count=1)
    yield 'caption removed', re.sub(r'<caption>.*?</caption>', '', text, count=1)
    yield 'content rating removed', re.sub(r'<content_rating[^>]*/>', '', text)
    yield 'launchable removed', re.sub(r'<launchable[^>]*>[^<]*</launchable>', '', text)
    yield 'bugtracker removed', re.sub(r'<url type="bugtracker">[^<]*</url>', '', text)
    yield 'touch removed', text.replace('<control>touch</control>', '')
    yield 'display length removed', re.sub(r'<requires>.*?</requires>', '', text, flags=re.S)


def desktop_breakages(text):
    yield 'generic categories only', re.sub(r'(?m)^Categories=.*$', 'Categories=GTK;GNOME;', text)
    yield 'wrong icon', re.sub(r'(?m)^Icon=.*$', 'Icon=rapport', text)
    yield 'flatpak run', re.sub(r'(?m)^Exec=', 'Exec=flatpak run ', text)
    yield 'hidden', text + 'NoDisplay=true\n'
    yield 'D-Bus activatable', text + 'DBusActivatable=true\n'
    yield 'no startup notification', re.sub(r'(?m)^StartupNotify=.*\n', '', text)


def icon_breakages(text, symbolic):
    yield 'text added', text.replace('</svg>', '<text>R</text></svg>')
    yield 'wrong canvas', re.sub(r'viewBox="[^"]*"', 'viewBox="0 0 48 48"', text, count=1)
    if symbolic:
        yield 'second colour', text.replace('#2e3436', '#3584e4', 1)
        yield 'stroke added', text.replace('<path ', '<path stroke="#2e3436" ', 1)


def main():
    parser = argparse.ArgumentParser(description='Checks metainfo and desktop file against Flathub rules.')
    parser.add_argument('--app-id', required=True)
    parser.add_argument('--version', required=True)
    parser.add_argument('--self-test', action='store_true')
    parser.add_argument('--icon', required=True)
    parser.add_argument('--symbolic-icon', required=True)
    parser.add_argument('metainfo')
    parser.add_argument('desktop')
    args = parser.parse_args()
    today = datetime.datetime.now(datetime.timezone.utc).date()

    with open(args.metainfo, encoding='utf-8') as f:
        metainfo = f.read()
    with open(args.desktop, encoding='utf-8') as f:
        desktop = f.read()
    icons = {}
    for file_name, size, symbolic in ((args.icon, 128, False), (args.symbolic_icon, 16, True)):
        with open(file_name, encoding='utf-8') as f:
            icons[file_name] = (f.read(), size, symbolic)

    problems = [f'{args.metainfo}: {p}' for p in check_metainfo(metainfo, args.app_id, args.version, today)]
    problems += [f'{args.desktop}: {p}' for p in check_desktop(desktop, args.app_id)]
    for file_name, (text, size, symbolic) in icons.items():
        problems += [f'{file_name}: {p}' for p in check_icon(text, size, symbolic)]
    for problem in problems:
        print(problem)
    if problems:
        return 1
    for file_name in [args.metainfo, args.desktop, *icons]:
        print(f'{file_name}: ok')
    if not args.self_test:
        return 0

    failed = False
    cases = [(args.metainfo, what, lambda t: check_metainfo(t, args.app_id, args.version, today), broken)
             for what, broken in metainfo_breakages(metainfo)]
    cases += [(args.desktop, what, lambda t: check_desktop(t, args.app_id), broken)
              for what, broken in desktop_breakages(desktop)]
    for file_name, (text, size, symbolic) in icons.items():
        cases += [(file_name, what, lambda t, size=size, symbolic=symbolic: check_icon(t, size, symbolic), broken)
                  for what, broken in icon_breakages(text, symbolic)]
    originals = {args.metainfo: metainfo, args.desktop: desktop, **{k: v[0] for k, v in icons.items()}}
    for file_name, what, check, broken in cases:
        if broken == originals[file_name]:
            print(f'{file_name}: could not break: {what} (the pattern did not match)')
            failed = True
        elif check(broken):
            print(f'{file_name}: rejected when broken: {what}')
        else:
            print(f'{file_name}: NOT rejected when broken: {what}')
            failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
