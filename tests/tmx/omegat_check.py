#!/usr/bin/env python3
"""Loads allinea's TMX into OmegaT and checks that OmegaT uses it.

Usage: omegat_check.py ALLINEA SRC TGT SRC_LANG TGT_LANG WORKDIR
                       [GOLD_SRC GOLD_TGT GOLD_INDEX]

1. `ALLINEA align SRC TGT -o memory.tmx` (SOURCE_DATE_EPOCH fixed);
2. an OmegaT project with SRC in source/ and the memory in tm/auto/;
3. `omegat --mode=console-createpseudotranslatetmx`: OmegaT's own segments
   of SRC (its segmentation rules, not ours);
4. `omegat --mode=console-translate`: the translated file OmegaT writes,
   pre-translated from tm/auto/ (exact matches only);
5. for every OmegaT segment whose text is the source of one of our
   translation units (the segmentation OmegaT shares with ours), checks
   that the translated file holds that unit's target text.

With a gold alignment (sentence files and an index file, as in
tests/data/), also counts the shared segments whose translation is the
gold's. Prints one summary line and the segments OmegaT does not share,
with the reason. Exit status: 0 when every shared segment was filled,
1 when one was not, 2 on a setup error.
"""
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{src}</source_lang>
    <target_lang>{tgt}</target_lang>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def units(path):
    """[(source text, target text, bead type)] of a TMX file."""
    out = []
    for tu in ET.parse(path).getroot().iter('tu'):
        segs = [''.join(tuv.find('seg').itertext()) for tuv in tu.iter('tuv')]
        props = {p.get('type'): p.text for p in tu.iter('prop')}
        out.append((segs[0], segs[1] if len(segs) > 1 else '',
                    props.get('x-allinea-bead', '?')))
    return out


def squeeze(text):
    return re.sub(r'\s+', '', text)


def gold_map(src_file, tgt_file, index_file):
    """Source text (whitespace removed) -> target text, of the gold beads."""
    def sentences(p):
        return [l.rstrip('\n') for l in open(p, encoding='utf-8') if l.strip()]
    src, tgt = sentences(src_file), sentences(tgt_file)
    out = {}
    for line in open(index_file, encoding='utf-8'):
        m = re.match(r'\[([^\]]*)\]:\[([^\]]*)\]', line.strip())
        if not m:
            continue
        s = [int(x) for x in m.group(1).split(',') if x.strip()]
        t = [int(x) for x in m.group(2).split(',') if x.strip()]
        if s:
            out[squeeze(''.join(src[k] for k in s))] = squeeze(
                ''.join(tgt[k] for k in t))
    return out


def omegat(project, *args):
    env = dict(os.environ, HOME=os.path.join(project, '..', 'home'))
    r = subprocess.run(['omegat', project, *args], env=env,
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        sys.exit(f'omegat_check: omegat {" ".join(args)} failed:\n'
                 f'{r.stdout[-2000:]}{r.stderr[-2000:]}')


def main():
    if len(sys.argv) not in (7, 10):
        sys.exit(__doc__)
    allinea, src, tgt, src_lang, tgt_lang, work = sys.argv[1:7]
    if shutil.which('omegat') is None:
        if os.environ.get('ALLINEA_REQUIRE_TEST_TOOLS'):
            print('omegat_check: FAIL: omegat is missing')
            return 1
        print('omegat_check: SKIP: omegat is not installed '
              '(apt-get install omegat)')
        return 77
    shutil.rmtree(work, ignore_errors=True)
    project = os.path.join(work, 'project')
    for d in ('source', 'target', 'tm/auto', 'omegat', 'glossary',
              'dictionary'):
        os.makedirs(os.path.join(project, d))
    memory = os.path.join(project, 'tm', 'auto', 'memory.tmx')
    subprocess.run([allinea, 'align', src, tgt, '--src-lang', src_lang,
                    '--tgt-lang', tgt_lang, '-o', memory], check=True,
                   env=dict(os.environ, SOURCE_DATE_EPOCH='1700000000'))
    if shutil.which('xmllint'):
        dtd = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                           'data', 'tmx')
        subprocess.run(['xmllint', '--noout', '--nonet', '--valid', '--path',
                        dtd, memory], check=True)
    shutil.copy(src, os.path.join(project, 'source'))
    tags = units(memory)
    root = ET.parse(memory).getroot()
    with open(os.path.join(project, 'omegat.project'), 'w') as f:
        f.write(PROJECT.format(src=root.find('header').get('srclang'),
                               tgt=root.find('body/tu/tuv[2]').get(XML_LANG)))
    pseudo = os.path.join(work, 'segments.tmx')
    omegat(project, '--mode=console-createpseudotranslatetmx',
           f'--pseudotranslatetmx={pseudo}', '--pseudotranslatetype=equal')
    omegat(project, '--mode=console-translate')
    translated = open(os.path.join(project, 'target', os.path.basename(src)),
                      encoding='utf-8').read()

    segments = [s for s, _, _ in units(pseudo)]
    ours_split = subprocess.run(
        [allinea, 'segment', src, '--lang', src_lang], check=True,
        capture_output=True, text=True).stdout
    our_sentences = {l for l in ours_split.split('\n') if l.strip()}
    differ = [s for s in segments if s not in our_sentences]
    ours = {s: (t, bead) for s, t, bead in tags}
    # Sources of our units that OmegaT splits: the 2-1 and 2-2 beads.
    in_multi = {}
    for s, t, bead in tags:
        if not bead.startswith('1-'):
            in_multi[s] = bead
    gold = gold_map(*sys.argv[7:10]) if len(sys.argv) == 10 else None

    shared = [s for s in segments if s in ours]
    filled = [s for s in shared if ours[s][0] in translated]
    right = [s for s in shared
             if gold is not None and gold.get(squeeze(s)) == squeeze(ours[s][0])]
    print(f'omegat_check: {len(segments)} OmegaT segments; {len(shared)} '
          f'shared with the memory ({100 * len(shared) / len(segments):.1f}%); '
          f'{len(filled)} of them filled by OmegaT'
          + (f'; {len(right)} filled with the gold translation '
             f'({100 * len(right) / len(segments):.1f}% of all segments)'
             if gold is not None else '')
          + f'; segmentation: {len(segments) - len(differ)} of OmegaT\'s '
          f'segments are sentences of ours, {len(our_sentences)} sentences')
    for s in differ:
        print(f'  segmented differently: {s[:70]!r}')
    for s in segments:
        if s in ours:
            continue
        inside = [u for u in in_multi if s in u]
        reason = (f'part of a {in_multi[inside[0]]} unit' if inside else
                  'no unit (a null bead, left out of the memory)')
        print(f'  not shared: {s[:70]!r}: {reason}')
    for s in shared:
        if s not in filled:
            print(f'  NOT FILLED: {s[:70]!r}')
    # Most of the sample's sentences are 1-1 translations; far fewer shared
    # segments means the memory or OmegaT's reading of it broke.
    if len(shared) < len(segments) // 2:
        print(f'  FAIL: fewer than half of the segments are shared')
        return 1
    return 0 if len(filled) == len(shared) else 1


if __name__ == '__main__':
    sys.exit(main())
