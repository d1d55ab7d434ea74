#!/usr/bin/env bash
# The review page in a real browser: Debian's chromium, headless. Checks
# that the findings list has as many entries as --format json has
# diagnostics, that clicking a finding highlights its span and clicking a
# highlight selects its finding, that report text with markup executes
# nothing, and that the console shows no errors. Saves a screenshot.
# usage: review.sh PLANCHECK SOURCE-DIR WORK-DIR
set -u
pc=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $browser ]]; then
  echo "review.sh: chromium is not installed (ci/install-deps installs it)" >&2
  exit 1
fi
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --no-first-run --disable-sync --disable-dev-shm-usage
       --user-data-dir="$work/profile")
passed=0
failed=0
check() {  # check NAME CONDITION-RESULT MESSAGE
  if [[ $2 == 0 ]]; then passed=$((passed + 1)); else echo "FAIL $1: $3"; failed=$((failed + 1)); fi
}
selftest() {  # selftest PAGE [WIDTH] -> prints the SELFTEST JSON
  timeout 60 "$browser" "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
    --window-size="${2:-1400},900" --dump-dom "file://$1#selftest" 2>"$1.console" |
    grep -o 'SELFTEST {[^<]*}' | sed 's/^SELFTEST //'
}
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2]))" "$1" "$2"; }

# 1. The reference report.
cd "$src"
"$pc" --format html -o "$work/review.html" reports/zhaohua-2023.txt
"$pc" --format json reports/zhaohua-2023.txt >"$work/diags.json"
expected=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['diagnostics']))" "$work/diags.json")
out=$(selftest "$work/review.html")
check "selftest ran" "$([[ -n $out ]]; echo $?)" "no SELFTEST output from the page"
if [[ -n $out ]]; then
  check "finding count" "$([[ $(field "$out" findings) == "$expected" ]]; echo $?)" "page lists $(field "$out" findings), json has $expected"
  check "click highlights" "$([[ $(field "$out" clickedActive) -ge 1 ]]; echo $?)" "clicking a finding highlighted nothing: $out"
  check "highlight selects" "$([[ $(field "$out" markSelects) == 1 ]]; echo $?)" "clicking a highlight selected no finding: $out"
  check "highlighted text" "$([[ $(field "$out" activeText) == *执行情况相对较好* ]]; echo $?)" "first finding's span not highlighted: $out"
  # Issue 15, items 4 and 6: the page goes to the number at fault; filters
  # hide highlights too; every line has an anchor; every card its rule's
  # explanation.
  check "scrolls to the primary span" "$([[ $(field "$out" scrolledToPrimary) == True ]]; echo $?)" "$out"
  check "filters hide highlights" "$([[ $(field "$out" shownMarksWhenAllFiltered) == 0 ]]; echo $?)" "$out"
  check "line anchors" "$([[ $(field "$out" anchors) == $(field "$out" lines) && $(field "$out" lines) -gt 40 ]]; echo $?)" "$out"
  check "rule explanations" "$([[ $(field "$out" explanations) == "$expected" ]]; echo $?)" "$out"
fi
# Item 5: a page made with --baseline downloads that baseline whole, plus
# the findings ticked on it.
"$pc" --write-baseline "$work/all.json" reports/zhaohua-2023.txt >/dev/null
python3 -c "import json,sys; b=json.load(open(sys.argv[1])); b['findings']=b['findings'][:3]; json.dump(b, open(sys.argv[2], 'w'))" "$work/all.json" "$work/three.json"
"$pc" --format html --baseline "$work/three.json" -o "$work/acknowledged.html" reports/zhaohua-2023.txt
out=$(selftest "$work/acknowledged.html")
check "baseline kept in the download" "$([[ -n $out && $(field "$out" earlier) == 3 && $(field "$out" downloadedEarlier) == 3 && $(field "$out" downloaded) == 4 ]]; echo $?)" "$out"
# At phone width the report is readable, not a 40 px column.
out=$(selftest "$work/review.html" 420)
check "420 px" "$([[ -n $out && $(field "$out" reportWidth) -ge 300 ]]; echo $?)" "report column at 420 px: $out"
# Item 7: a report with CR-only line ends keeps its lines and highlights.
tr '\n' '\r' <reports/zhaohua-2023.txt >"$work/cr.txt"
"$pc" --format html -o "$work/cr.html" "$work/cr.txt"
out=$(selftest "$work/cr.html")
check "CR line ends" "$([[ -n $out && $(field "$out" lines) -gt 40 && $(field "$out" marks) -gt 0 ]]; echo $?)" "$out"
check "no console errors (CR)" "$(! grep -qiE 'Uncaught|CONSOLE.*error' "$work/cr.html.console"; echo $?)" "$(grep -iE 'Uncaught|error' "$work/cr.html.console" | head -3)"
check "no console errors" "$(! grep -qiE 'Uncaught|CONSOLE.*error' "$work/review.html.console"; echo $?)" "$(grep -iE 'Uncaught|error' "$work/review.html.console" | head -3)"

# Item 6: with --lang en the page's own words are English.
"$pc" --format html --lang en -o "$work/english.html" reports/zhaohua-2023.txt
out=$(selftest "$work/english.html")
check "page in English" "$([[ -n $out && $(field "$out" lang) == en && $(field "$out" chrome) == *"warnings"*"Reviewed"* ]] &&
  ! python3 -c "import re,sys; sys.exit(0 if re.search(r'[\u4e00-\u9fff]', sys.argv[1]) else 1)" "$(field "$out" chrome)"; echo $?)" "$out"
out=$(selftest "$work/review.html")
check "page in Chinese" "$([[ $(field "$out" lang) == zh-CN && $(field "$out" chrome) == *"个警告"*"已审阅"* ]]; echo $?)" "$out"

# 2. Markup in a report and in a file name is text, never code.
inj="$work/inj<img src=x onerror=alert(1)>.txt"
printf '一、2022年计划执行情况\n<script>window.__injected=1</script>社会消费品零售总额同比增长-1.6%%。\n"><img src=x onerror="window.__injected=1">城镇新增就业1691人。<iframe src="javascript:window.__injected=1"></iframe>\n二、2023年计划\n新增城镇就业人口1600人以上。</script><script>window.__injected=1</script>\n' >"$inj"
"$pc" --format html -o "$work/inj.html" "$inj"
out=$(selftest "$work/inj.html")
check "injection selftest ran" "$([[ -n $out ]]; echo $?)" "no SELFTEST output from the injection page"
if [[ -n $out ]]; then
  check "nothing injected" "$([[ $(field "$out" injected) == False && $(field "$out" foreignElements) == 0 ]]; echo $?)" "$out"
  check "injection findings" "$([[ $(field "$out" findings) == 2 ]]; echo $?)" "$out"
fi
check "no console errors (injection)" "$(! grep -qiE 'Uncaught|CONSOLE.*error' "$work/inj.html.console"; echo $?)" "$(grep -iE 'Uncaught|error' "$work/inj.html.console" | head -3)"

# 3. An audit's page: the series' reports, and a chart per indicator whose
# target is paired with its result (the national 2015 GDP growth target).
"$pc" audit --format html -o "$work/audit.html" reports/national-2015.txt reports/national-2016.txt
pairs=$("$pc" audit --table --format json reports/national-2015.txt reports/national-2016.txt |
  python3 -c "import json,sys; rows=json.load(sys.stdin); print(len({(r['region'], r['indicator'], r['measure']) for r in rows if r['target'] and r['actual']}))")
out=$(selftest "$work/audit.html")
check "audit selftest ran" "$([[ -n $out ]]; echo $?)" "no SELFTEST output from the audit page"
if [[ -n $out ]]; then
  check "audit charts" "$([[ $(field "$out" trends) -ge 1 && $(field "$out" trends) -le $pairs ]]; echo $?)" "$(field "$out" trends) charts for $pairs paired indicators: $out"
  check "audit chart points" "$([[ $(field "$out" trendPoints) -ge $((2 * $(field "$out" trends))) ]]; echo $?)" "$out"
fi
check "no console errors (audit)" "$(! grep -qiE 'Uncaught|CONSOLE.*error' "$work/audit.html.console"; echo $?)" "$(grep -iE 'Uncaught|error' "$work/audit.html.console" | head -3)"
out=$(selftest "$work/review.html")
check "no chart on a single report" "$([[ $(field "$out" trends) == 0 ]]; echo $?)" "$out"

# 4. A screenshot to look at.
timeout 60 "$browser" "${flags[@]}" --window-size=1400,900 --virtual-time-budget=3000 \
  --screenshot="$work/review.png" "file://$work/review.html" >/dev/null 2>&1
check "screenshot" "$([[ -s $work/review.png ]]; echo $?)" "no screenshot written"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
