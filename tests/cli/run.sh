#!/usr/bin/env bash
# Command-line behaviour of the built binary: exit statuses, one-line errors
# for bad input, "did you mean", standard input, output files. Prints
# "N passed, M failed" and exits 1 when anything failed.
set -u
pc=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
report=$src/reports/zhaohua-2023.txt
passed=0
failed=0

# expect NAME STATUS STDERR-PATTERN -- COMMAND...
expect() {
  local name=$1 want_status=$2 pattern=$3
  shift 4
  local out err status
  out=$("$@" 2>"$work/stderr")
  status=$?
  err=$(cat "$work/stderr")
  if [[ $status -ne $want_status ]]; then
    echo "FAIL $name: exit status $status, expected $want_status; stderr: $err"
    failed=$((failed + 1))
  elif [[ -n $pattern && ! $err =~ $pattern ]]; then
    echo "FAIL $name: stderr '$err' does not match '$pattern'"
    failed=$((failed + 1))
  elif [[ -n $pattern && $(printf '%s\n' "$err" | wc -l) -ne 1 ]]; then
    echo "FAIL $name: stderr has more than one line: $err"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

: >"$work/empty.txt"
printf '\177ELF\002\001\001\000binary' >"$work/binary.bin"
printf '地区生产总值实现82.7亿元\377同比增长' >"$work/bad-utf8.txt"
printf '\377\376\000' >"$work/truncated-utf16.txt"
mkdir -p "$work/dir.txt"
cp "$report" "$work/copy.txt"
before=$(sha256sum "$work/copy.txt")

expect "empty file" 2 "^plancheck: error: $work/empty.txt: empty file$" -- "$pc" "$work/empty.txt"
expect "binary file" 2 "^plancheck: error: $work/binary.bin: binary file" -- "$pc" "$work/binary.bin"
expect "invalid UTF-8" 2 "invalid UTF-8 byte 0xFF at byte offset 34$" -- "$pc" "$work/bad-utf8.txt"
expect "truncated UTF-16" 2 "truncated character at byte offset 2" -- "$pc" "$work/truncated-utf16.txt"
expect "missing file" 2 "^plancheck: error: $work/missing.txt: no such file$" -- "$pc" "$work/missing.txt"
expect "directory" 2 "^plancheck: error: $work/dir.txt: is a directory$" -- "$pc" "$work/dir.txt"
expect "unknown option" 2 "unknown option '--fromat' \\(did you mean '--format'\\?\\)" -- "$pc" --fromat json "$report"
expect "unknown command" 2 "unknown command 'fcats' \\(did you mean 'facts'\\?\\)" -- "$pc" fcats "$report"
expect "unknown rule" 2 "unknown rule or group 'target-below-prior' \\(did you mean 'target-below-prior-actual'\\?\\)" -- "$pc" --disable target-below-prior "$report"
expect "findings exit 1" 1 "" -- "$pc" "$report"
expect "fail-on error" 0 "" -- "$pc" --fail-on error --disable summary-contradicts-results "$report"
expect "stdin" 1 "" -- bash -c "'$pc' - < '$report'"
expect "help" 0 "" -- "$pc" --help
expect "version" 0 "" -- "$pc" --version
expect "explain" 0 "" -- "$pc" explain target-below-prior-actual
expect "explain unknown" 2 "unknown rule 'rate-out-of-rang' \\(did you mean 'rate-out-of-range'\\?\\)" -- "$pc" explain rate-out-of-rang

# A broken rule directory stops before any report is read.
mkdir -p "$work/badrules"
printf '[[rule]]\nid = "x-rule"\nkind = "bound"\nmessage = "m"\nassert = "t.vlaue > 1"\n' >"$work/badrules/x.toml"
expect "bad rule file" 2 "^$work/badrules/x.toml:5: error: assert: unknown field 'vlaue' \\(did you mean 'value'\\?\\) at column 8$" -- "$pc" --rules "$work/badrules" "$work/missing.txt"
# A broken words file (period openers, identity words) names its line too.
mkdir -p "$work/badwords"
printf '[period]\nopeners = [ { words = "过去一年", from = -1 } ]\n' >"$work/badwords/words.toml"
expect "bad words file" 2 "^$work/badwords/words.toml:2: error: \\[period\\] opener: 'from' and 'to'" -- "$pc" --rules "$work/badwords" "$report"

# Output through -o lands whole; the input is never written.
expect "output file" 1 "" -- "$pc" --format json -o "$work/out.json" "$work/copy.txt"
if [[ -s $work/out.json && $(ls "$work" | grep -c '\.tmp\.') -eq 0 && $before == $(sha256sum "$work/copy.txt") ]]; then
  passed=$((passed + 1))
else
  echo "FAIL output file: missing, temporary left behind, or input changed"
  failed=$((failed + 1))
fi
expect "output in missing directory" 2 "cannot write" -- "$pc" --format json -o "$work/no/such/dir/out.json" "$report"

# Colour: never when piped, always on request, and NO_COLOR wins over auto.
if "$pc" "$report" | grep -q $'\033'; then
  echo "FAIL colour: escape codes in piped output"; failed=$((failed + 1))
else passed=$((passed + 1)); fi
if "$pc" --color always "$report" | grep -q $'\033\[1;35mwarning'; then
  passed=$((passed + 1))
else echo "FAIL colour: --color always"; failed=$((failed + 1)); fi

# Quiet when clean: no output, exit 0.
printf '一、2022年计划执行情况\n全年地区生产总值实现82.7亿元。\n' >"$work/clean.txt"
out=$("$pc" "$work/clean.txt"); status=$?
if [[ $status -eq 0 && -z $out ]]; then passed=$((passed + 1)); else
  echo "FAIL clean report: status $status output '$out'"; failed=$((failed + 1)); fi

# facts CSV opens in Excel: UTF-8 BOM first.
if "$pc" facts --format csv "$report" | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'; then
  passed=$((passed + 1))
else echo "FAIL facts csv: no BOM"; failed=$((failed + 1)); fi

# A project's .plancheck.toml, found above the report: selection, severity, fail_on.
mkdir -p "$work/project/drafts"
cp "$report" "$work/project/drafts/report.txt"
printf '[rules]\nenable = ["strict"]\ndisable = ["target-without-baseline"]\n[severity]\n"target-below-prior-actual" = "note"\n[check]\nfail_on = "error"\n' >"$work/project/.plancheck.toml"
expect "config fail_on" 0 "" -- "$pc" "$work/project/drafts/report.txt"
if "$pc" --color never "$work/project/drafts/report.txt" | grep -q "note: .*\[target-below-prior-actual\]" &&
   "$pc" --color never "$work/project/drafts/report.txt" | grep -q "\[cap-above-prior-actual\]"; then
  passed=$((passed + 1))
else echo "FAIL config: severity override or strict group not applied"; failed=$((failed + 1)); fi
expect "config overridden by --fail-on" 1 "" -- "$pc" --fail-on note "$work/project/drafts/report.txt"
printf '[rules]\nenabel = ["strict"]\n' >"$work/project/.plancheck.toml"
expect "bad config" 2 "^$work/project/.plancheck.toml:2: error: \\[rules\\]: unknown key 'enabel'" -- "$pc" "$work/project/drafts/report.txt"
expect "explicit config" 0 "" -- "$pc" --config /dev/null --fail-on error --disable summary-contradicts-results "$work/project/drafts/report.txt"

# Baselines: a written baseline silences the run; a broken one is an input error.
# Writing a baseline acknowledges the run's findings: exit 0.
expect "write baseline" 0 "" -- "$pc" --write-baseline "$work/baseline.json" "$report"
out=$("$pc" --color never --baseline "$work/baseline.json" "$report"); status=$?
if [[ $status -eq 0 && $out == *"基线已屏蔽 8 条"* ]]; then passed=$((passed + 1)); else
  echo "FAIL baseline: status $status output '$out'"; failed=$((failed + 1)); fi
printf '{"findings": 3}' >"$work/bad-baseline.json"
expect "bad baseline" 2 "^plancheck: error: $work/bad-baseline.json: not a plancheck baseline" -- "$pc" --baseline "$work/bad-baseline.json" "$report"
expect "unknown format" 2 "unknown format 'sarf' for check \\(did you mean 'sarif'\\?\\)" -- "$pc" --format sarf "$report"

# audit: a region's consecutive reports; the table; a finding across files.
mkdir -p "$work/series"
printf '关于甲县2022年国民经济和社会发展计划执行情况及2023年计划草案的报告\n一、2022年计划执行情况\n全社会固定资产投资同比增长7%%。\n二、2023年计划\n全社会固定资产投资增长16%%。\n' >"$work/series/2023.txt"
printf '关于甲县2023年国民经济和社会发展计划执行情况及2024年计划草案的报告\n一、2023年计划执行情况\n全社会固定资产投资同比增长9%%,圆满完成年度目标。\n二、2024年计划\n全社会固定资产投资增长10%%。\n' >"$work/series/2024.txt"
expect "audit finds" 1 "" -- "$pc" audit "$work/series"
out=$("$pc" audit --color never "$work/series")
if [[ $out == *"2024.txt:3:"*"[completion-claim-contradicted]"* && $out == *"2023.txt:5:"* ]]; then passed=$((passed + 1)); else
  echo "FAIL audit: finding not in the later report with a note in the earlier: $out"; failed=$((failed + 1)); fi
table=$("$pc" audit --table "$src/reports")
# One row: the 2015 GDP growth target against the result the next report states.
if grep -Eq '^全国 +地区生产总值 +growth +2015 +7%左右 +6\.9% +met' <<<"$table"; then passed=$((passed + 1)); else
  echo "FAIL audit table: $table"; failed=$((failed + 1)); fi
# The table's status is the met() of target-missed, whichever rules run: a
# missed target stays missed with the audit rules disabled.
for flags in "" "--disable audit"; do
  row=$("$pc" audit --table $flags "$work/series" | grep -E '^甲县 +全社会固定资产投资 +growth +2023 ')
  if [[ $row =~ \ 16%\ +9%\ +missed$ ]]; then passed=$((passed + 1)); else
    echo "FAIL audit table status with '$flags': '$row'"; failed=$((failed + 1)); fi
done
if "$pc" audit --table --format json "$work/series" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
row = [r for r in rows if r["indicator"] == "全社会固定资产投资" and r["year"] == 2023][0]
assert (row["target"], row["actual"], row["status"]) == ("16%", "9%", "missed"), row
'; then passed=$((passed + 1)); else
  echo "FAIL audit table json"; failed=$((failed + 1)); fi
if "$pc" audit --table --format csv "$work/series" | head -c 3 | od -An -tx1 | grep -q 'ef bb bf' &&
   "$pc" audit --table --format markdown "$work/series" | grep -q '^|---|'; then passed=$((passed + 1)); else
  echo "FAIL audit table formats"; failed=$((failed + 1)); fi
# A facts database keeps last year's report: the new one is audited against it.
db=$work/history.db
expect "facts --db" 0 "" -- "$pc" facts --db "$db" "$work/series/2023.txt"
out=$("$pc" audit --color never --db "$db" "$work/series/2024.txt"); status=$?
if [[ $status -eq 1 && $out == *"[completion-claim-contradicted]"* ]]; then passed=$((passed + 1)); else
  echo "FAIL audit --db: status $status output '$out'"; failed=$((failed + 1)); fi
before_db=$(sha256sum "$db")
expect "facts --db failing run" 2 "missing.txt: no such file" -- "$pc" facts --db "$db" "$work/series/2024.txt" "$work/missing.txt"
if [[ $before_db == $(sha256sum "$db") ]]; then passed=$((passed + 1)); else
  echo "FAIL facts --db: a failed run changed the database"; failed=$((failed + 1)); fi
printf 'not a database' >"$work/bad.db"
expect "bad database" 2 "bad.db: not a plancheck facts database" -- "$pc" facts --db "$work/bad.db" "$work/series/2023.txt"
expect "audit bad format" 2 "unknown format 'xml' for audit" -- "$pc" audit --table --format xml "$work/series"

# Issue 15, items 1-3. -o never writes over a report of the run.
cp "$report" "$work/self.txt"
before=$(sha256sum "$work/self.txt")
expect "output over its input" 2 "self.txt: cannot write: it is the input .*self.txt; refusing to write over it" -- "$pc" -o "$work/self.txt" "$work/self.txt"
ln -sf "$work/self.txt" "$work/self-link.txt"
expect "output over its input through a link" 2 "refusing to write over it" -- "$pc" -o "$work/self-link.txt" "$work/self.txt"
if [[ $before == $(sha256sum "$work/self.txt") ]]; then passed=$((passed + 1)); else
  echo "FAIL -o changed its input"; failed=$((failed + 1)); fi
# A link is written through: the link stays, its target gets the output.
: >"$work/link-target.json"
ln -sf link-target.json "$work/out-link.json"
"$pc" --format json -o "$work/out-link.json" "$report"
if [[ -L $work/out-link.json ]] && python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/link-target.json"; then
  passed=$((passed + 1)); else echo "FAIL -o through a symlink"; failed=$((failed + 1)); fi
# Devices and FIFOs are written to, never replaced.
"$pc" -o /dev/null "$report"
if [[ -c /dev/null ]]; then passed=$((passed + 1)); else echo "FAIL -o /dev/null replaced the device"; failed=$((failed + 1)); fi
lines=$("$pc" --color never -o /dev/stdout "$report" | wc -l)
if [[ $lines -gt 10 ]]; then passed=$((passed + 1)); else echo "FAIL -o /dev/stdout printed $lines lines"; failed=$((failed + 1)); fi
mkfifo "$work/fifo"
cat "$work/fifo" >"$work/fifo.out" &
"$pc" --format json -o "$work/fifo" "$report"
wait
if python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/fifo.out"; then passed=$((passed + 1)); else
  echo "FAIL -o FIFO"; failed=$((failed + 1)); fi
# A write error on standard output is an error.
if [[ -w /dev/full ]]; then
  expect "stdout write error" 2 "standard output: write error: No space left on device" -- sh -c '"$0" "$1" >/dev/full' "$pc" "$report"
fi
# Input is bounded: a device or an endless pipe ends with an error, not a full memory.
expect "input limit (device)" 2 "/dev/zero: larger than the input limit of 1 MB \\(--max-input-mb raises it\\)" -- timeout 20 "$pc" --max-input-mb 1 /dev/zero
expect "input limit (stdin)" 2 "<stdin>: larger than the input limit of 1 MB" -- timeout 20 sh -c 'head -c 3000000 /dev/zero | "$0" --max-input-mb 1 -' "$pc"
head -c 2000000 /dev/zero | tr '\0' '\n' >"$work/big.txt"
expect "input limit (file)" 2 "big.txt: larger than the input limit of 1 MB" -- "$pc" --max-input-mb 1 "$work/big.txt"
# One unreadable file does not hide the others' findings: exit 2 at the end.
expect "sarif with an empty file" 2 "empty.txt: empty file" -- "$pc" --format sarif -o "$work/partial.sarif" "$report" "$work/empty.txt"
if python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['runs'][0]['results']" "$work/partial.sarif"; then
  passed=$((passed + 1)); else echo "FAIL sarif of the readable report not written"; failed=$((failed + 1)); fi
out=$("$pc" --color never "$report" "$work/empty.txt" 2>/dev/null); status=$?
if [[ $status -eq 2 && $out == *"（1 个文件）"* && $out == *"[target-below-prior-actual]"* ]]; then passed=$((passed + 1)); else
  echo "FAIL text with an empty file: status $status"; failed=$((failed + 1)); fi

# Issue 15, item 10: help per command, help as a command, options scoped to
# their commands, directories checked recursively, nothing to audit said.
out=$("$pc" check --help)
if [[ $out == "usage: plancheck [check] FILE|DIR..."* && $out == *"--baseline"* ]] && ! grep -qE '^ +--table' <<<"$out"; then
  passed=$((passed + 1)); else echo "FAIL check --help: $out"; failed=$((failed + 1)); fi
out=$("$pc" help facts)
if [[ $out == "usage: plancheck facts"* && $out == *"--db"* ]] && ! grep -qE '^ +--baseline' <<<"$out"; then
  passed=$((passed + 1)); else echo "FAIL help facts: $out"; failed=$((failed + 1)); fi
expect "help" 0 "" -- "$pc" help
expect "help of an unknown command" 2 "unknown command 'chek' \\(did you mean 'check'\\?\\)" -- "$pc" help chek
expect "check check" 2 "^plancheck: error: check: no such file$" -- "$pc" check check
expect "option out of scope" 2 "--table does not apply to 'facts' \\(see 'plancheck facts --help'\\)" -- "$pc" facts --table "$report"
expect "option out of scope (default command)" 2 "--kinds does not apply to 'check'" -- "$pc" --kinds "$report"
mkdir -p "$work/tree/a/b" "$work/tree/.hidden"
cp "$report" "$work/tree/a/b/one.txt"
cp "$report" "$work/tree/two.txt"
cp "$report" "$work/tree/.hidden/three.txt"
out=$("$pc" --color never "$work/tree" 2>&1); status=$?
if [[ $status -eq 1 && $out == *"（2 个文件）"* && $out == *"tree/a/b/one.txt:"* ]]; then passed=$((passed + 1)); else
  echo "FAIL directory: status $status output '$(tail -1 <<<"$out")'"; failed=$((failed + 1)); fi
expect "audit of one report" 2 "audit: nothing to compare: 1 report\\(s\\) of 1 region\\(s\\)" -- "$pc" audit "$report"
printf '\x30\x57\x3a\x53\x31\x00\x32\x00' >"$work/utf16-nobom.txt"
expect "UTF-16 without a BOM" 2 "pass --encoding UTF-16LE or UTF-16BE" -- "$pc" "$work/utf16-nobom.txt"

# A copy of the shipped rules given with --rules redefines them (a rule or an
# indicator of a built-in id replaces it); two definitions outside the
# built-ins are still duplicates.
cp -r "$src/rules" "$work/rules-copy"
"$pc" --format json "$report" >"$work/builtin.json"
"$pc" --format json --rules "$work/rules-copy" "$report" >"$work/copy.json"
if cmp -s "$work/builtin.json" "$work/copy.json"; then passed=$((passed + 1)); else
  echo "FAIL --rules with a copy of the shipped rules changes the output"; failed=$((failed + 1)); fi
expect "no default rules, a copy of them" 1 "" -- "$pc" --no-default-rules --rules "$work/rules-copy" "$report"
expect "test-rules on a copy" 0 "" -- "$pc" test-rules "$work/rules-copy"
mkdir -p "$work/twice"
cp "$src/rules/strict.toml" "$work/twice/a.toml"
cp "$src/rules/strict.toml" "$work/twice/b.toml"
out=$("$pc" --rules "$work/twice" "$report" 2>&1); status=$?
if [[ $status -eq 2 && $out == *"b.toml:"*"duplicate rule id"* ]]; then passed=$((passed + 1)); else
  echo "FAIL two copies of one rule file: status $status"; failed=$((failed + 1)); fi

# Issue 14: a rule file with a misspelt indicator, unit, role or field does
# not load: exit 2, every problem with its file, line and the nearest name.
mkdir -p "$work/typos"
cat >"$work/typos/mine.toml" <<'EOF'
[[rule]]
id = "my-check"
kind = "bound"
summary = "x"
message = "{t.name}"
assert = 't.role == "tagret" || t.vlaue > 0'

[rule.subject]
indicator = "地区生产总直"
unit = "％"
EOF
out=$("$pc" --rules "$work/typos" "$report" 2>&1); status=$?
if [[ $status -eq 2 && $out == *"typos/mine.toml:9: error: [subject]: unknown indicator \"地区生产总直\" (did you mean '地区生产总值'?)"* &&
      $out == *"typos/mine.toml:10: error: [subject]: unknown unit \"％\" (did you mean '%'?)"* &&
      $out == *"typos/mine.toml:6: error: assert: unknown role \"tagret\""*"(did you mean 'target'?)"* ]]; then
  passed=$((passed + 1)); else echo "FAIL misspelt rule: status $status: $out"; failed=$((failed + 1)); fi
sed -i 's/t.role == "tagret" || //' "$work/typos/mine.toml"
out=$("$pc" --rules "$work/typos" "$report" 2>&1); status=$?
if [[ $status -eq 2 && $out == *"typos/mine.toml:6: error: assert: unknown field 'vlaue' (did you mean 'value'?)"* ]]; then
  passed=$((passed + 1)); else echo "FAIL misspelt field: status $status: $out"; failed=$((failed + 1)); fi
out=$("$pc" rules --fields)
if [[ $out == *$'role\tstring (actual, target, other)'* && $(wc -l <<<"$out") -gt 40 ]]; then
  passed=$((passed + 1)); else echo "FAIL rules --fields: $out"; failed=$((failed + 1)); fi

# Named identities: a misspelt field in identities.toml, a misspelt identity
# in `same`, a constant assertion: each at its file and line.
mkdir -p "$work/identities"
printf '[identity]\nmine = ["key", "mesure"]\n' >"$work/identities/identities.toml"
cat >"$work/identities/mine.toml" <<'EOF'
[[rule]]
id = "my-join"
kind = "compare"
summary = "x"
message = "{t.name}"
same = ["outcom", "year"]
assert = "t.value >= a.value"

[[rule]]
id = "my-always"
kind = "bound"
summary = "x"
message = "{t.name}"
assert = "false"
EOF
out=$("$pc" --rules "$work/identities" "$report" 2>&1); status=$?
if [[ $status -eq 2 && $out == *"identities/identities.toml:2: error: identity 'mine': unknown field 'mesure' (did you mean 'measure'?)"* &&
      $out == *"identities/mine.toml:6: error: same: 'outcom' is neither an identity nor a field"*"(did you mean 'outcome'?)"* &&
      $out == *"identities/mine.toml:14: error: assert: reads no fact"*'fire = "match"'* ]]; then
  passed=$((passed + 1)); else echo "FAIL misspelt identity: status $status: $out"; failed=$((failed + 1)); fi
# The audit table pairs by the identity `outcome`: one that no target and
# result can share (role) leaves every target without a result.
national=("$src/reports/national-2015.txt" "$src/reports/national-2016.txt")
printf '[identity]\noutcome = ["key", "role"]\n' >"$work/identities/identities.toml"
rm "$work/identities/mine.toml"
before=$("$pc" audit --table --format csv "${national[@]}" | grep -c ',met')
after=$("$pc" audit --table --format csv --rules "$work/identities" "${national[@]}" | grep -c ',met')
if [[ $before -gt 5 && $after -eq 0 ]]; then
  passed=$((passed + 1)); else echo "FAIL audit table by identity: met $before then $after"; failed=$((failed + 1)); fi

# Ranks among a city's county-level units are named by regions.toml's
# peer_words: a --rules regions.toml adds 全区, and 居全区第9 of a city of 7
# units is then out of range.
mkdir -p "$work/peerwords"
printf 'peer_words = ["全区"]\n' >"$work/peerwords/regions.toml"
printf '关于广元市昭化区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告\n一、2022年国民经济和社会发展计划执行情况\n全年地区生产总值同比增长0.4%%,增速居全区第9。\n' >"$work/rank.txt"
without=$("$pc" --format json "$work/rank.txt" | grep -c rank-out-of-range)
with=$("$pc" --format json --rules "$work/peerwords" "$work/rank.txt" | grep -c rank-out-of-range)
if [[ $without -eq 0 && $with -eq 1 ]]; then
  passed=$((passed + 1)); else echo "FAIL peer words: $without then $with"; failed=$((failed + 1)); fi

# Claim wording lives in words.toml [claims] alone: a --rules words.toml adds
# a verdict to `overall`, and summary-contradicts-results reads it; a
# misspelt list name and a pattern RE2 rejects are errors at their lines.
mkdir -p "$work/claims"
printf '[claims]\noverall = ["各项工作成效显著"]\n' >"$work/claims/words.toml"
printf '一、2022年计划执行情况\n上述指标完成情况均与年度计划有一定差距。\n总体看，各项工作成效显著。\n' >"$work/claim.txt"
without=$("$pc" --format json "$work/claim.txt" | grep -c summary-contradicts-results)
with=$("$pc" --format json --rules "$work/claims" "$work/claim.txt" | grep -c summary-contradicts-results)
if [[ $without -eq 0 && $with -eq 1 ]]; then
  passed=$((passed + 1)); else echo "FAIL claims from words.toml: $without then $with"; failed=$((failed + 1)); fi
printf '[claims]\nmet = ["完成(目标"]\n' >"$work/claims/words.toml"
cat >"$work/claims/mine.toml" <<'EOF'
[[rule]]
id = "my-claim"
kind = "pattern"
summary = "x"
message = "{t.text}"
claims = "overal"
EOF
out=$("$pc" --rules "$work/claims" "$report" 2>&1); status=$?
if [[ $status -eq 2 && $out == *"claims/words.toml:2: error: [claims] met: RE2 rejects '完成(目标'"* &&
      $out == *"claims/mine.toml:6: error: claims: unknown claims \"overal\" (did you mean 'overall'?)"* ]]; then
  passed=$((passed + 1)); else echo "FAIL misspelt claims: status $status: $out"; failed=$((failed + 1)); fi

# A configuration's [severity] naming no rule: the configuration's line.
mkdir -p "$work/configured" && cp "$report" "$work/configured/r.txt"
printf '[severity]\ntarget-below-prior-actaul = "note"\n' >"$work/configured/.plancheck.toml"
expect "config severity of an unknown rule" 2 "configured/.plancheck.toml:2: error: \\[severity\\]: unknown rule 'target-below-prior-actaul' \\(did you mean 'target-below-prior-actual'\\?\\)" -- "$pc" "$work/configured/r.txt"

# A rule that compares two reports, asked for in check: one line says why it
# does not run there and where it does; the run goes on.
out=$("$pc" --color never check --enable target-missed "$report" 2>"$work/stderr"); status=$?
if [[ $status -eq 1 && $(cat "$work/stderr") == "plancheck: warning: rule target-missed compares a report with the next year's, and check reads one report at a time: run it with 'plancheck audit'" && $out == *"[target-below-prior-actual]"* ]]; then
  passed=$((passed + 1)); else echo "FAIL check --enable target-missed: status $status: $(cat "$work/stderr")"; failed=$((failed + 1)); fi

# Issue 15, item 8: a counting finding names the items it counted.
printf '一、2022年计划执行情况\n工业增加值、服务业增加值分别增长5%%、6%%、7%%。新建东城、葭萌3所公办幼儿园。\n' >"$work/counts.txt"
out=$("$pc" --color never "$work/counts.txt")
if [[ $out == *"“分别”列出2项（工业增加值、服务业增加值），却给出3个数值"* && $out == *"列举了2项（新建东城、葭萌），却说是3所"* ]]; then
  passed=$((passed + 1)); else echo "FAIL counting findings name their items: $out"; failed=$((failed + 1)); fi

# Item 9: with --lang en the rules' summaries are English; in Chinese,
# explain names the severity in Chinese.
out=$("$pc" rules --lang en)
if [[ $(wc -l <<<"$out") -gt 20 ]] && ! python3 -c "import re,sys; sys.exit(0 if re.search(r'[\u4e00-\u9fff]', re.sub(r'\(分别\)', '', sys.argv[1])) else 1)" "$out"; then
  passed=$((passed + 1)); else echo "FAIL rules --lang en: $out"; failed=$((failed + 1)); fi
out=$("$pc" explain rate-out-of-range)
if [[ $out == *"严重程度：错误"* ]]; then passed=$((passed + 1)); else echo "FAIL explain severity in Chinese: $out"; failed=$((failed + 1)); fi

# Item 7: page breaks (form feeds, as pdftotext writes them before a page's
# first line) change no finding: same rules, lines and columns.
awk '/^[一二三四五六七八九十]+、/ {printf "\f"} {print}' "$report" >"$work/formfeed.txt"
printf '\f\n' >>"$work/formfeed.txt"
positions() { "$pc" --format json "$1" | python3 -c "import json,sys; print(sorted((d['rule'], d['line'], d['column'], d['message']) for d in json.load(sys.stdin)['diagnostics']))"; }
if [[ $(positions "$report") == "$(positions "$work/formfeed.txt")" ]]; then passed=$((passed + 1)); else
  echo "FAIL form feeds changed the findings"; failed=$((failed + 1)); fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
