#!/usr/bin/env python3
"""Writes the deep-nesting inputs of the fuzz targets.

In fuzz/seeds/<target>/:
  deep-*.mode  a few bytes in the target's deep mode (fuzz/deep_input.h): the
               fuzzer mutates these and reaches any depth of any pattern
  deep-*.lit   the structure written out, kept under 64 KB: deep enough to
               pass every limit, small enough not to slow the fuzzer down
In fuzz/regressions/<target>/ (replayed, never fuzzed from):
  deep-*.lit   the inputs, written out whole, that crashed before the depth
               work: a JSONL record 50,000 deep, paragraphs and headings long
               enough to overflow std::regex, an endless run of names

Run from anywhere: tools/gen_deep_seeds.py
"""
import os

FUZZ = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fuzz')


def write(target, name, data, kind='seeds'):
    if isinstance(data, str):
        data = data.encode('utf-8')
    path = os.path.join(FUZZ, kind, target, name)
    with open(path, 'wb') as f:
        f.write(data)


def regression(target, name, data):
    write(target, name, data, 'regressions')


def mode(marker, levels, pattern, payload=b''):
    """A deep-mode input: marker byte, depth as k and an addend (levels =
    2^k - 1 + addend), pattern, payload."""
    if isinstance(payload, str):
        payload = payload.encode('utf-8')
    k = max(i for i in range(17) if (1 << i) - 1 <= levels)
    addend = levels - ((1 << k) - 1)
    assert addend <= 255, 'depth %d cannot be written in deep mode' % levels
    return bytes([marker, k, addend, pattern]) + payload


def nest(open_, close, levels, payload=''):
    return open_ * levels + payload + close * levels


RECORD = '{"id":"person:%s","type":"person","name":"%s","properties":{"x-deep":%s}}'
GOOD = '{"id":"person:ada-brook","type":"person","name":"Ada Brook"}'


def jsonl():
    regression('jsonl', 'deep-record-50000.lit',
               RECORD % ('deep', 'Deep', nest('[', ']', 50000, '1')) + '\n' + GOOD + '\n')
    write('jsonl', 'deep-array.lit', RECORD % ('deep', 'Deep', nest('[', ']', 7000, '1')) + '\n' + GOOD + '\n')
    write('jsonl', 'deep-object.lit', RECORD % ('deep', 'Deep', nest('{"k":', '}', 2000, '0')) + '\n')
    # At the limit (64 with the record and its properties) and one past it.
    write('jsonl', 'deep-at-limit.lit', RECORD % ('edge', 'Edge', nest('[', ']', 62, '1')) + '\n')
    write('jsonl', 'deep-past-limit.lit', RECORD % ('over', 'Over', nest('[', ']', 63, '1')) + '\n')
    # Brackets inside strings, escaped quotes: not nesting at all.
    write('jsonl', 'deep-in-strings.lit',
          '{"id":"person:s","type":"person","name":"[[[[{{{{","aliases":["\\"[[[[","]]]]\\\\"]}\n')
    for pattern in range(4):
        write('jsonl', 'deep-%d.mode' % pattern, mode(0x01, 65535, pattern, '1'))
    write('jsonl', 'deep-62.mode', mode(0x01, 62, 0, '1'))


def news():
    # First byte: the reader (0 plain, 1 wiki, 2 HTML, 3 JSON).
    regression('news', 'deep-long-paragraph.lit',
               b'\x00' + ('Harbour vote\n\n' + 'The harbour board met again. ' * 8000 + '\n').encode())
    regression('news', 'deep-long-contributor.lit',
               b'\x00' + ('Harbour vote\n\nText.\n\n(' + 'Ada Brook and ' * 20000 +
                          'Lee contributed to this report.)\n').encode())
    regression('news', 'deep-long-heading.lit', b'\x01' + ('== ' + 'Harbour ' * 30000 + '==\n\nText.\n').encode())
    write('news', 'deep-templates.lit', b'\x01' + nest('{{w|', '}}', 2500, 'Marlow').encode())
    write('news', 'deep-links.lit', b'\x01' + nest('[[', ']]', 4000, 'Marlow').encode())
    write('news', 'deep-heading.lit', b'\x01' + ('== ' + 'Harbour ' * 1500 + '==\n\nText.\n').encode())
    write('news', 'deep-paragraph.lit', b'\x00' + ('Harbour vote\n\n(' + 'Ada Brook and ' * 1000 +
                                                 'Lee contributed to this report.)\n').encode())
    write('news', 'deep-divs.lit', b'\x02' + ('<html><body>' + nest('<div>', '</div>', 5100, '<p>Deep.</p>') +
                                             '</body></html>').encode())
    write('news', 'deep-inline.lit', b'\x02' + ('<html><body><article>' + nest('<b><i>', '</i></b>', 600, 'Deep.') +
                                               '</article></body></html>').encode())
    # Tables count once per level towards the HTML depth limit, but gumbo
    # builds four elements for each (table, tbody, tr, td): its tree is deepest here.
    write('news', 'deep-tables.lit', b'\x02' + ('<html><body>' + nest('<table><tr><td><p>', '</td></tr></table>', 1500,
                                                                       'Deep.') + '</body></html>').encode())
    write('news', 'deep-json-ld.lit',
          b'\x02' + ('<html><head><script type="application/ld+json">' + nest('{"@graph":[', ']}', 1000, '{}') +
                     '</script></head><body><article><p>The board met.</p></article></body></html>').encode())
    write('news', 'deep-json.lit', b'\x03' + nest('[', ']', 7000, '{"text":"A."}').encode())
    write('news', 'deep-jsonl-line.lit',
          b'\x03' + ('{"text":"A."}\n' + nest('[', ']', 7000, '1') + '\n{"text":"B."}\n').encode())
    for reader, patterns in ((0, 2), (1, 4), (2, 6), (3, 3)):
        for pattern in range(patterns):
            write('news', 'deep-%d-%d.mode' % (reader, pattern), mode(0xFC + reader, 65535, pattern, 'Ada'))


def cable():
    # First byte: the path (0 telegram, 1 Cablegate page, 2 cables.csv, 3 sniffer).
    head = ('VZCZCXRO7102\nOO RUEHMV\nDE RUEHMV #0217/01 0921415\nZNY CCCCC ZZH\nO 021415Z APR 09\n'
            'FM AMEMBASSY MARVELLA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 3310\n'
            'C O N F I D E N T I A L SECTION 01 OF 02 MARVELLA 000217\n\nE.O. 12958: DECL: 04/02/2019\n'
            'TAGS: PGOV PREL ECON VA\nSUBJECT: HARBOR LEASE\n\n')
    write('cable', 'deep-sections.lit', b'\x00' + (head + 'SECTION 02 OF 02 MARVELLA 000217\nText.\n' * 300 +
                                                   'WESTBROOK\n').encode())
    write('cable', 'deep-parens.lit', b'\x00' + (head + '1. ' + nest('(', ')', 6000, 'C') + ' Text.\nWESTBROOK\n').encode())
    write('cable', 'deep-summary.lit',
          b'\x00' + (head + '1. (C) ' + nest('SUMMARY: ', ' END SUMMARY.', 600, 'x') + '\nWESTBROOK\n').encode())
    write('cable', 'deep-tags.lit', b'\x01' + ('<code><pre>' + nest("<a href='/tag/ETRD_0.html'>", '</a>', 400, head) +
                                              '</pre></code>').encode())
    write('cable', 'deep-quotes.lit',
          b'\x02' + ('id,date,refid,origin,classification,references,header,body\n1,2009-04-02 14:15,09MARVELLA217,'
                     'Embassy Marvella,CONFIDENTIAL,"","h","' + nest('""', '""', 3000, 'x') + '"\n').encode())
    for path, patterns in ((0, 6), (1, 2), (2, 2), (3, 1)):
        for pattern in range(patterns):
            write('cable', 'deep-%d-%d.mode' % (path, pattern), mode(0xFC + path, 65535, pattern, 'Text.'))


def search_query():
    write('search_query', 'deep-parens.lit', nest('(', ')', 6000, 'harbour'))
    write('search_query', 'deep-or.lit', nest('(a OR ', ')', 2000, 'harbour'))
    write('search_query', 'deep-unbalanced.lit', '(' * 6000 + 'harbour' + ')' * 3 + ' -x' * 200)
    for pattern in range(6):
        write('search_query', 'deep-%d.mode' % pattern, mode(0x01, 65535, pattern, 'harbour'))


# The quantity parser and the text toolkit hold no recursion: plain long
# inputs, without a deep mode (which would only slow their fuzzing down).
def quantity():
    write('quantity', 'deep-parens.lit', nest('(', ')', 6000, 'nearly 30 million people'))
    write('quantity', 'deep-words.lit', 'one hundred and twenty-three thousand ' * 300 + 'people')


def text():
    write('text', 'deep-combining.lit', 'a' + '\u0301' * 6000 + ' Sa\u0303o Paulo')
    write('text', 'deep-brackets.lit', nest('[{"', '"}]', 2000, 'x'))


for make in (jsonl, news, cable, search_query, quantity, text):
    make()
