#!/usr/bin/env python3
"""Validates allinea check's reports the way their consumers read them.

Usage: validate_reports.py ALLINEA SCHEMA WORKDIR DATA_DIR

Runs `allinea check` on the sample pair (a failing check with findings of
several kinds), on a clean short pair (a pass) and on the newsletter
against the interview (not a translation), and checks:
  - json: parses, and validates against docs/check-report.schema.json
    (python3-jsonschema);
  - junit: parses as XML; <testsuites> holds one <testsuite> whose
    <testcase> elements (one per finding kind, and "coverage") carry
    classname and name, the counts in the attributes match the elements,
    and every failure has a message;
  - sarif: parses, version 2.1.0, one run, every result's ruleId is a
    rule of the driver and every location has a startLine >= 1;
  - github: every line is a workflow command (::error/::warning/::notice
    with file, line, col and title properties whose values have no raw
    ':' or ',').
Exit status 0 when all hold, 1 otherwise, 77 when jsonschema is missing and
ALLINEA_REQUIRE_TEST_TOOLS is unset.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def run(allinea, args):
    r = subprocess.run([allinea, 'check', *args], capture_output=True)
    if r.returncode not in (0, 1):
        sys.exit(f'validate_reports: allinea check {" ".join(args)} exited '
                 f'{r.returncode}: {r.stderr.decode()}')
    return r.returncode, r.stdout.decode('utf-8')


def main():
    allinea, schema_path, work, data = sys.argv[1:5]
    try:
        import jsonschema
    except ImportError:
        if os.environ.get('ALLINEA_REQUIRE_TEST_TOOLS'):
            print('validate_reports: FAIL: python3-jsonschema is missing')
            return 1
        print('validate_reports: SKIP: python3-jsonschema is missing')
        return 77
    os.makedirs(work, exist_ok=True)
    clean_it = os.path.join(work, 'clean.it.txt')
    clean_zh = os.path.join(work, 'clean.zh.txt')
    with open(clean_it, 'w') as f:
        f.write('Il treno per Roma parte alle 8.\n\nArriva alle 11 e costa 25 euro.\n')
    with open(clean_zh, 'w') as f:
        f.write('去罗马的火车8点出发。\n\n它11点到达，票价25欧元。\n')
    cases = {
        'sample': [os.path.join(data, 'mensch-interview.it.txt'),
                   os.path.join(data, 'mensch-interview.zh.txt')],
        'clean': [clean_it, clean_zh],
        'newsletter': [os.path.join(data, 'mistral-newsletter.it.txt'),
                       os.path.join(data, 'mensch-interview.zh.txt')],
    }
    expected_verdict = {'sample': 'fail', 'clean': 'pass', 'newsletter': 'fail'}
    schema = json.load(open(schema_path))
    failures = []
    for name, files in cases.items():
        base = files + ['--src-lang', 'it', '--tgt-lang', 'zh']
        code, text = run(allinea, base + ['--report', 'json'])
        report = json.loads(text)
        try:
            jsonschema.validate(report, schema)
        except jsonschema.ValidationError as e:
            failures.append(f'{name}: json: {e.message}')
        if report['verdict'] != expected_verdict[name]:
            failures.append(f'{name}: verdict {report["verdict"]}')
        if (code == 0) != (report['verdict'] == 'pass'):
            failures.append(f'{name}: exit status {code} for {report["verdict"]}')
        if name == 'newsletter' and [f['kind'] for f in report['findings']] != ['not-a-translation']:
            failures.append(f'{name}: findings {[f["kind"] for f in report["findings"]]}')

        _, text = run(allinea, base + ['--report', 'junit'])
        root = ET.fromstring(text)
        if root.tag != 'testsuites' or len(root) != 1 or root[0].tag != 'testsuite':
            failures.append(f'{name}: junit: not <testsuites><testsuite>')
        else:
            suite = root[0]
            cases_ = suite.findall('testcase')
            names = [c.get('name') for c in cases_]
            if names[-1] != 'coverage' or len(cases_) != 8:
                failures.append(f'{name}: junit: test cases {names}')
            fails = [c.find('failure') for c in cases_ if c.find('failure') is not None]
            if int(suite.get('tests')) != len(cases_) or int(suite.get('failures')) != len(fails):
                failures.append(f'{name}: junit: counts do not match the elements')
            if any(not f.get('message') for f in fails):
                failures.append(f'{name}: junit: a failure without a message')
            if any(not c.get('classname') for c in cases_):
                failures.append(f'{name}: junit: a test case without a classname')
            if (len(fails) > 0) != (expected_verdict[name] == 'fail'):
                failures.append(f'{name}: junit: {len(fails)} failures for a {expected_verdict[name]}')

        _, text = run(allinea, base + ['--report', 'sarif'])
        sarif = json.loads(text)
        if sarif.get('version') != '2.1.0' or len(sarif.get('runs', [])) != 1:
            failures.append(f'{name}: sarif: version or runs')
        else:
            rules = {r['id'] for r in sarif['runs'][0]['tool']['driver']['rules']}
            for r in sarif['runs'][0]['results']:
                if r['ruleId'] not in rules:
                    failures.append(f'{name}: sarif: rule {r["ruleId"]}')
                for loc in r['locations'] + r.get('relatedLocations', []):
                    if loc['physicalLocation']['region']['startLine'] < 1:
                        failures.append(f'{name}: sarif: startLine')

        _, text = run(allinea, base + ['--report', 'github'])
        command = re.compile(r'^::(error|warning|notice) (file=[^:,]*,line=\d+,col=\d+,)?title=[^:,]*::.*$')
        for line in text.splitlines():
            if not command.match(line):
                failures.append(f'{name}: github: {line[:80]}')
    for f in failures:
        print('validate_reports: FAIL:', f)
    if not failures:
        print(f'validate_reports: json (schema), junit, sarif and github reports of {len(cases)} checks are valid')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
