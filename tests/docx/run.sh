#!/usr/bin/env bash
# Word documents, made from the reference report by writers plancheck does
# not share code with (python-docx and pandoc), and read back for the check
# by python-docx: the same findings as the text, every span on the text it
# is about; damaged and oversized documents refused in one line; facts,
# audit, baselines and directories as with text.
# usage: run.sh PLANCHECK SOURCE-DIR WORK-DIR
set -u
pc=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
# Not where ctest runs: its docx/ folder (this test's) would shadow the module.
cd "$work" || exit 1
report=$src/reports/zhaohua-2023.txt
passed=0
failed=0
check() {  # check NAME STATUS MESSAGE
  if [[ $2 == 0 ]]; then passed=$((passed + 1)); else echo "FAIL $1: $3"; failed=$((failed + 1)); fi
}
# Debian's python3-docx is for Debian's python3, which may not be first on PATH.
py=
for p in python3 /usr/bin/python3; do
  if "$p" -c "import docx" 2>/dev/null; then py=$p; break; fi
done
if [[ -z $py ]] || ! command -v pandoc >/dev/null; then
  echo "run.sh: needs python3-docx and pandoc (ci/install-deps installs them)" >&2
  exit 1
fi

# The writers: one paragraph per line of the report (python-docx keeps empty
# ones; pandoc, from HTML, drops them), and an extra paragraph on top.
"$py" - "$report" "$work" <<'EOF'
import docx, html, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
work = sys.argv[2]
for name, extra in (("python-docx.docx", []), ("inserted.docx", ["新插入的一段说明文字。"])):
    d = docx.Document()
    for line in extra + lines:
        d.add_paragraph(line)
    d.save(work + "/" + name)
with open(work + "/report.html", "w", encoding="utf-8") as out:
    out.write("<html><body>\n" + "".join("<p>%s</p>\n" % html.escape(l) for l in lines if l.strip()) + "</body></html>\n")
EOF
pandoc -f html -t docx -o "$work/pandoc.docx" "$work/report.html"

# Every diagnostic as (rule, message, the text of its span and its notes'),
# the text read by python-docx from the document's paragraphs (line =
# paragraph number, column = character in it), or from the text file's lines.
spans() {  # spans FILE -> sorted list, one per line
  "$pc" --format json "$1" >"$work/out.json"
  "$py" - "$1" "$work/out.json" <<'EOF'
import json, sys
path = sys.argv[1]
if path.endswith(".docx"):
    import docx
    lines = [p.text for p in docx.Document(path).paragraphs]
else:
    lines = open(path, encoding="utf-8").read().split("\n")
def text(l, c, el, ec):
    if l != el:
        return "<multi-line>"
    return lines[l - 1][c - 1:ec - 1]
out = []
for d in json.load(open(sys.argv[2]))["diagnostics"]:
    notes = [text(r["line"], r["column"], r["end_line"], r["end_column"]) + "|" + r["message"] for r in d.get("related", [])]
    out.append("%s|%s|%s|%s" % (d["rule"], d["message"], text(d["line"], d["column"], d["end_line"], d["end_column"]), ";".join(notes)))
print("\n".join(sorted(out)))
EOF
}
want=$(spans "$report")
check "the text has findings" "$([[ $(wc -l <<<"$want") -ge 5 ]]; echo $?)" "$want"
for doc in python-docx pandoc; do
  got=$(spans "$work/$doc.docx")
  check "$doc: same findings on the same text" "$([[ $got == "$want" ]]; echo $?)" "$(diff <(echo "$want") <(echo "$got") | head -6)"
done

# Damaged, oversized, encrypted, or not what --input-format says: one line, exit 2.
expect() {  # expect NAME STATUS STDERR-PATTERN -- COMMAND...
  local name=$1 want_status=$2 pattern=$3
  shift 4
  "$@" >/dev/null 2>"$work/stderr"
  local status=$? err
  err=$(cat "$work/stderr")
  check "$name" "$([[ $status -eq $want_status && $err =~ $pattern && $(wc -l <"$work/stderr") -le 1 ]]; echo $?)" "status $status, stderr: $err"
}
size=$(stat -c %s "$work/pandoc.docx")
head -c $((size / 2)) "$work/pandoc.docx" >"$work/truncated.docx"
expect "truncated" 2 "^plancheck: error: .*truncated.docx: damaged document" -- "$pc" "$work/truncated.docx"
"$py" - "$work/bomb.docx" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", '<w:document xmlns:w="w"><w:body>' + " " * (8 << 20) + "</w:body></w:document>")
EOF
expect "inflates past the limit" 2 "bomb.docx: word/document.xml inflates to 9 MB, past the input limit of 2 MB \\(--max-input-mb raises it\\)" -- "$pc" --max-input-mb 2 "$work/bomb.docx"
"$py" - "$work/deep.docx" <<'EOF'
import sys, zipfile
body = "<w:p><w:r>" * 100000 + "<w:t>城镇新增就业1691人。</w:t>" + "</w:r></w:p>" * 100000
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", '<w:document xmlns:w="w"><w:body>' + body + "</w:body></w:document>")
EOF
"$pc" facts "$work/deep.docx" >"$work/deep.out" 2>&1; status=$?
check "deeply nested document" "$([[ $status -eq 0 ]] && grep -q '1691人' "$work/deep.out"; echo $?)" "status $status"
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest' >"$work/encrypted.docx"
expect "encrypted" 2 "encrypted.docx: an encrypted document or a legacy .doc" -- "$pc" "$work/encrypted.docx"
expect "docx read as text" 2 "pandoc.docx: binary file" -- "$pc" --input-format txt "$work/pandoc.docx"
expect "text read as docx" 2 "zhaohua-2023.txt: damaged document" -- "$pc" --input-format docx "$report"
expect "unknown input format" 2 "--input-format must be auto, txt, docx or html, not 'doc'" -- "$pc" --input-format doc "$report"
cp "$work/pandoc.docx" "$work/before.docx"

# Standard input by content; a directory's documents; facts as from the text.
out=$("$pc" --color never - <"$work/pandoc.docx"); status=$?
check "stdin" "$([[ $status -eq 1 && $out == *"<stdin>:"*"[target-below-prior-actual]"* ]]; echo $?)" "status $status"
mkdir -p "$work/dir/sub" && cp "$work/pandoc.docx" "$work/dir/sub/a.docx" && cp "$work/pandoc.docx" "$work/dir/~\$a.docx"
out=$("$pc" --color never "$work/dir"); status=$?
check "directory" "$([[ $status -eq 1 && $out == *"sub/a.docx:"* && $out == *"（1 个文件）"* ]]; echo $?)" "status $status: $(tail -1 <<<"$out")"
facts() { "$pc" facts --format jsonl "$1" | "$py" -c "import json,sys; print('\n'.join(sorted(json.dumps([f['text'], f['value'], f['role'], f['period'], f.get('key')], ensure_ascii=False) for f in map(json.loads, sys.stdin))))"; }
want=$(facts "$report")
check "facts" "$([[ $(wc -l <<<"$want") -gt 100 && $(facts "$work/python-docx.docx") == "$want" ]]; echo $?)" "facts differ"

# The audit of two years' documents finds what it finds in their texts.
"$py" - "$src/reports" "$work" <<'EOF2'
import docx, sys
for year in (2015, 2016):
    d = docx.Document()
    for line in open("%s/national-%d.txt" % (sys.argv[1], year), encoding="utf-8").read().split("\n"):
        d.add_paragraph(line)
    d.save("%s/national-%d.docx" % (sys.argv[2], year))
EOF2
findings() { "$pc" audit --format json "$@" | "$py" -c "import json,sys; print(sorted((d['rule'], d['message'], d['line'], d['column']) for d in json.load(sys.stdin)['diagnostics']))"; }
want=$(findings "$src/reports/national-2015.txt" "$src/reports/national-2016.txt")
check "audit" "$([[ $want != "[]" && $(findings "$work/national-2015.docx" "$work/national-2016.docx") == "$want" ]]; echo $?)" "audit findings differ: $want"

# A baseline made on the document holds when a paragraph is inserted above.
"$pc" --write-baseline "$work/baseline.json" "$work/python-docx.docx" >/dev/null
cp "$work/inserted.docx" "$work/python-docx.docx"
expect "baseline after an inserted paragraph" 0 "" -- "$pc" --baseline "$work/baseline.json" "$work/python-docx.docx"
check "inputs untouched" "$(cmp -s "$work/pandoc.docx" "$work/before.docx"; echo $?)" "pandoc.docx changed"

# The review page shows the document's paragraphs.
"$pc" --format html -o "$work/review.html" "$work/pandoc.docx"
check "review page" "$(grep -q '新增城镇就业人口1600人以上' "$work/review.html"; echo $?)" "paragraph text not in the page"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
