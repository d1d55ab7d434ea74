#!/usr/bin/env python3
"""Writes libFuzzer dictionaries from the shipped rules and lexicon, so that
they follow the vocabulary as it changes:
  report.dict  the words of reports: indicator names, units, period and
               list words, every short Chinese string of rules/*.toml, plus
               numbers and punctuation as reports print them;
  rules.dict   the words of rule files: keys, kinds, fields, operators.
usage: make-dict.py RULES-DIR OUT-DIR"""
import os
import re
import sys
import tomllib

rules_dir, out_dir = sys.argv[1], sys.argv[2]
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)


def keys(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from keys(v)


report, rules = set(), set()
for name in sorted(os.listdir(rules_dir)):
    if not name.endswith(".toml"):
        continue
    with open(os.path.join(rules_dir, name), "rb") as f:
        doc = tomllib.load(f)
    for s in strings(doc):
        if CJK.search(s) and len(s) <= 12 and "\n" not in s:
            report.add(s)
    for k in keys(doc):
        rules.add(k)
    for rule in doc.get("rule", []):
        for key in ("kind", "group", "severity", "fire"):
            if key in rule:
                rules.add(rule[key])
        for key in ("where", "assert", "join"):
            if isinstance(rule.get(key), str):
                rules.update(re.findall(r"[A-Za-z_][A-Za-z_0-9.]*|==|!=|<=|>=|&&|\|\||\"[^\"]*\"", rule[key]))
        same = rule.get("same", [])
        rules.update([same] if isinstance(same, str) else same)
    rules.update(doc.get("identity", {}).keys())

# How reports print numbers and structure.
report.update(["一、", "二、", "（一）", "2022年", "2023年", "上年", "今年", "“十四五”", "百分点", "%",
               "亿元", "万元", "万人", "分别", "其中", "均", "等", "以上", "左右", "以内", "增长", "下降",
               "3.5", "-1.6", "1691", "１２３", "，", "。", "；", "、", "\f", "\r\n",
               # Word documents and web pages.
               "<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>", "<w:tab/>", "<w:br/>", "<w:tbl>", "<w:tc>",
               "<mc:Fallback>", "word/document.xml", "PK\x03\x04", "<p>", "</p>", "<br>", "<div>", "<td>",
               "<script>", "</script>", "<!--", "-->", "&nbsp;", "&amp;", "&#x4e00;", "&#12288;",
               '<meta charset="gbk">', "<!DOCTYPE html>"])
rules.update(["[[rule]]", "[[rule.test]]", '"""', "{t.", "{a.", "}", "=", "[", "]", "\n"])


def write(path, words):
    with open(path, "w", encoding="ascii") as out:
        for w in sorted(words):
            data = w.encode("utf-8")
            if not data or len(data) > 64:
                continue
            escaped = "".join(chr(b) if 0x20 <= b < 0x7f and chr(b) not in '"\\' else "\\x%02X" % b for b in data)
            out.write('"%s"\n' % escaped)


os.makedirs(out_dir, exist_ok=True)
write(os.path.join(out_dir, "report.dict"), report)
write(os.path.join(out_dir, "rules.dict"), rules)
print("report.dict: %d tokens, rules.dict: %d tokens" % (len(report), len(rules)))
