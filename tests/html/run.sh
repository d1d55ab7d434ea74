#!/usr/bin/env bash
# Saved web pages, made from the reference report by pandoc (its body) with
# navigation, a script and a footer around it, in UTF-8 and in GBK without a
# BOM: the same findings as the text, each located in the page's own source
# on the text it is about; a page's declared charset honoured.
# usage: run.sh PLANCHECK SOURCE-DIR WORK-DIR
set -u
pc=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
report=$src/reports/zhaohua-2023.txt
passed=0
failed=0
check() {  # check NAME STATUS MESSAGE
  if [[ $2 == 0 ]]; then passed=$((passed + 1)); else echo "FAIL $1: $3"; failed=$((failed + 1)); fi
}
command -v pandoc >/dev/null || { echo "run.sh: needs pandoc (ci/install-deps installs it)" >&2; exit 1; }

# pandoc writes the body, one <p> per paragraph; the page around it has what
# a government site has: a menu, a script with numbers in it, a footer.
python3 - "$report" "$work/report.md" <<'EOF2'
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()]
# Markdown paragraphs; a backslash before characters Markdown would read.
esc = lambda l: "".join("\\" + c if c in "\\`*_{}[]<>#+-.!|" else c for c in l)
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(esc(l) for l in lines) + "\n")
EOF2
pandoc -f markdown -t html5 -s --metadata title=政府工作报告 -o "$work/body.html" "$work/report.md"
python3 - "$work" <<'EOF2'
import sys
work = sys.argv[1]
page = open(work + "/body.html", encoding="utf-8").read()
nav = ('<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 计划报告</div>\n'
       '<script>var visits = 1600; document.write("访问量增长12%");</script>\n'
       '<!-- 2022年地区生产总值增长99% -->\n<style>p { margin: 0 }</style>\n')
footer = '\n<div class="footer">版权所有&copy;昭化区人民政府 &nbsp; 备案号：蜀ICP备12345678号</div>\n'
page = page.replace("<body>", "<body>\n" + nav, 1).replace("</body>", footer + "</body>", 1)
open(work + "/page.html", "w", encoding="utf-8").write(page)
gbk = page.replace('charset="utf-8"', 'charset="gbk"')
assert gbk != page
open(work + "/page-gbk.html", "wb").write(gbk.encode("gbk"))
# The same page with no charset declared: GBK found by detection.
open(work + "/page-gbk-undeclared.htm", "wb").write(gbk.replace('<meta charset="gbk" />', "").encode("gbk"))
EOF2

# Every diagnostic as (rule, message, the text at its span and its notes'),
# the text cut from the file's own lines by line and column.
spans() {  # spans FILE [ENCODING]
  "$pc" --format json "$1" >"$work/out.json" || [[ $? -eq 1 ]] || return
  python3 - "$1" "${2:-utf-8}" "$work/out.json" <<'EOF2'
import json, sys
lines = open(sys.argv[1], encoding=sys.argv[2]).read().split("\n")
def text(l, c, el, ec):
    return lines[l - 1][c - 1:ec - 1] if l == el else "<lines %d-%d>" % (l, el)
out = []
for d in json.load(open(sys.argv[3]))["diagnostics"]:
    notes = [text(r["line"], r["column"], r["end_line"], r["end_column"]) + "|" + r["message"] for r in d.get("related", [])]
    out.append("%s|%s|%s|%s" % (d["rule"], d["message"], text(d["line"], d["column"], d["end_line"], d["end_column"]), ";".join(notes)))
print("\n".join(sorted(out)))
EOF2
}
want=$(spans "$report")
check "the text has findings" "$([[ $(wc -l <<<"$want") -ge 5 ]]; echo $?)" "$want"
got=$(spans "$work/page.html")
check "UTF-8 page: same findings, located in the page" "$([[ $got == "$want" ]]; echo $?)" "$(diff <(echo "$want") <(echo "$got") | head -6)"
got=$(spans "$work/page-gbk.html" gbk)
check "GBK page, declared: same findings" "$([[ $got == "$want" ]]; echo $?)" "$(diff <(echo "$want") <(echo "$got") | head -6)"
got=$(spans "$work/page-gbk-undeclared.htm" gbk)
check "GBK page, undeclared: same findings" "$([[ $got == "$want" ]]; echo $?)" "$(diff <(echo "$want") <(echo "$got") | head -6)"

# Nothing from the script, the comment or the style; the menu and footer
# are text like any other but hold no finding.
facts=$("$pc" facts --format jsonl "$work/page.html")
check "script and comment not read" "$(! grep -qE '访问量|99%' <<<"$facts"; echo $?)" "$(grep -E '访问量|99%' <<<"$facts" | head -2)"
out=$("$pc" --color never "$work/page.html")
check "snippet is the page's source line" "$([[ $out == *"page.html:"*"<p>"*"新增城镇就业人口1600人以上"* ]]; echo $?)" "$(head -4 <<<"$out")"

# A declared charset that is wrong for the bytes: one line, exit 2.
sed 's/charset="utf-8"/charset="shift_jis"/' "$work/page.html" >"$work/wrong.html"
"$pc" "$work/wrong.html" >/dev/null 2>"$work/stderr"; status=$?
check "wrong declared charset" "$([[ $status -eq 2 && $(cat "$work/stderr") == *"wrong.html: as the page's declared charset shift_jis: "*"(--encoding overrides it)" && $(wc -l <"$work/stderr") -eq 1 ]]; echo $?)" "status $status: $(cat "$work/stderr")"
"$pc" --encoding UTF-8 "$work/wrong.html" >/dev/null 2>&1; status=$?
check "--encoding overrides the page" "$([[ $status -eq 1 ]]; echo $?)" "status $status"
printf '<!DOCTYPE html><html><head><title>空</title><script>var a = 1;</script></head><body> </body></html>' >"$work/blank.html"
"$pc" "$work/blank.html" >/dev/null 2>"$work/stderr"; status=$?
check "blank page" "$([[ $status -eq 2 && $(cat "$work/stderr") == *"blank.html: a web page with no visible text" ]]; echo $?)" "status $status: $(cat "$work/stderr")"

# A page nested twenty thousand deep (unclosed <div>s) is read, not a crash,
# in memory that does not grow with the square of the depth.
python3 -c "print('<!DOCTYPE html><html><body>' + '<div>' * 20000 + '城镇新增就业1691人。')" >"$work/deep.html"
peak=$(python3 - "$pc" "$work/deep.html" "$work/deep.out" <<'EOF2'
import resource, subprocess, sys
with open(sys.argv[3], "w") as out:
    status = subprocess.call([sys.argv[1], "facts", sys.argv[2]], stdout=out, stderr=subprocess.STDOUT)
print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
EOF2
)
check "deeply nested page" "$([[ ${peak%% *} -eq 0 && ${peak##* } -lt 1000 ]] && grep -q '1691人' "$work/deep.out"; echo $?)" "exit status and peak MB: $peak"

# The review page of a page shows its text and links to the page's lines.
"$pc" --format html -o "$work/review.html" "$work/page.html"
check "review page" "$(grep -q '"atLine"' "$work/review.html" && grep -q '新增城镇就业人口1600人以上' "$work/review.html"; echo $?)" "no located spans in the review page"
# A baseline holds when a paragraph is inserted above.
"$pc" --write-baseline "$work/baseline.json" "$work/page.html" >/dev/null
sed 's|<div class="nav">|<p>新增一段说明。</p>\n<div class="nav">|' "$work/page.html" >"$work/page2.html"
"$pc" --baseline "$work/baseline.json" "$work/page2.html" >/dev/null; status=$?
check "baseline after an inserted paragraph" "$([[ $status -eq 0 ]]; echo $?)" "status $status"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
