#!/usr/bin/env bash
# The bad-input catalog: every hostile or odd input gets one line on stderr
# and exit status 2, or a normal result when the input is valid but odd —
# never a crash, a hang or a half-written file. Big inputs are generated.
# usage: run.sh PLANCHECK SOURCE-DIR WORK-DIR
set -u
pc=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
passed=0
failed=0
# expect NAME STATUS-REGEX STDERR-REGEX TIMEOUT -- COMMAND...
expect() {
  local name=$1 want=$2 pattern=$3 limit=$4
  shift 5
  timeout "$limit" "$@" >"$work/out" 2>"$work/err"
  local status=$?
  local err
  err=$(cat "$work/err")
  if [[ $status -eq 124 ]]; then
    echo "FAIL $name: no result within ${limit}s"; failed=$((failed + 1))
  elif [[ ! $status =~ ^($want)$ ]]; then
    echo "FAIL $name: exit status $status (want $want): $(head -c 300 <<<"$err")"; failed=$((failed + 1))
  elif [[ -n $pattern && ! $err =~ $pattern ]]; then
    echo "FAIL $name: stderr '$(head -c 300 <<<"$err")' does not match '$pattern'"; failed=$((failed + 1))
  elif [[ -n $pattern && $(wc -l <"$work/err") -ne 1 ]]; then
    echo "FAIL $name: more than one line on stderr"; failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

# Text with a NUL in the middle.
printf '一、2022年计划执行情况\n城镇新增就业1691人\000。\n' >"$work/nul.txt"
expect "NUL byte" 2 "nul.txt: binary file \\(NUL byte at byte offset 57" 10 -- "$pc" "$work/nul.txt"

# A 50 MB paragraph on one line: valid, odd, must finish.
python3 - "$work/line.txt" <<'PY'
import random, sys
random.seed(7)
cjk = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
out, size = [], 0
while size < 50_000_000:
    s = "".join(random.choice(cjk) for _ in range(120)) + "增长" + str(random.randint(1, 99)) + "%，"
    out.append(s)
    size += len(s.encode())
open(sys.argv[1], "w", encoding="utf-8").write("".join(out) + "\n")
PY
expect "50 MB single line" "0|1" "" 600 -- "$pc" check --format json -o "$work/line.json" "$work/line.txt"
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/line.json" 2>/dev/null && passed=$((passed + 1)) ||
  { echo "FAIL 50 MB single line: output is not whole JSON"; failed=$((failed + 1)); }

# A report of a million numbers.
python3 - "$work/million.txt" <<'PY'
import random, sys
random.seed(1)
open(sys.argv[1], "w", encoding="utf-8").write(
    "一、2022年计划执行情况\n" + "，".join(f"项目{random.randint(1, 999)}个" for _ in range(1_000_000)) + "。\n")
PY
expect "a million numbers" "0|1" "" 600 -- "$pc" check "$work/million.txt"

# Rule files: a pattern RE2 rejects, a repetition RE2 refuses, one whose
# program is too large, deeply nested TOML, invalid UTF-8.
mkdir -p "$work/r1" "$work/r2" "$work/r3" "$work/r4" "$work/r5"
rule() { printf '[[rule]]\nid = "x-rule"\nkind = "pattern"\nmessage = "m"\npattern = %s\n' "$1"; }
rule "'(unclosed'" >"$work/r1/x.toml"
expect "RE2 rejects a pattern" 2 "r1/x.toml:5: error: pattern: RE2 rejects the pattern: missing \\)" 10 -- "$pc" --rules "$work/r1" "$src/reports/zhaohua-2023.txt"
rule "'a{100000}'" >"$work/r2/x.toml"
expect "enormous repetition" 2 "r2/x.toml:5: error: pattern: RE2 rejects the pattern: invalid repetition size" 10 -- "$pc" --rules "$work/r2" "$src/reports/zhaohua-2023.txt"
rule "'((((a{1000}){1000}){1000}){1000})'" >"$work/r3/x.toml"
expect "pattern too large" 2 "r3/x.toml:5: error: pattern: RE2 rejects the pattern" 30 -- "$pc" --rules "$work/r3" "$src/reports/zhaohua-2023.txt"
python3 -c "print('a = ' + '[' * 100000 + ']' * 100000)" >"$work/r4/x.toml"
expect "deeply nested TOML" 2 "r4/x.toml:1: error: " 30 -- "$pc" --rules "$work/r4" "$src/reports/zhaohua-2023.txt"
printf '[[rule]]\nid = "x-rule"\n# \377\n' >"$work/r5/x.toml"
expect "invalid UTF-8 in a rule file" 2 "r5/x.toml:3: error: invalid UTF-8" 10 -- "$pc" --rules "$work/r5" "$src/reports/zhaohua-2023.txt"

# An unreadable file (as root, permissions do not stop reading: use a path
# through a regular file instead).
cp "$src/reports/zhaohua-2023.txt" "$work/locked.txt"
if [[ $(id -u) -ne 0 ]]; then
  chmod 000 "$work/locked.txt"
  expect "unreadable file" 2 "locked.txt: Permission denied" 10 -- "$pc" "$work/locked.txt"
  chmod 644 "$work/locked.txt"
else
  expect "unreadable path" 2 "locked.txt/report.txt: Not a directory" 10 -- "$pc" "$work/locked.txt/report.txt"
fi

# Output into a missing directory: an error, and nothing half-written.
expect "output in a missing directory" 2 "cannot write" 10 -- "$pc" --format json -o "$work/none/out.json" "$src/reports/zhaohua-2023.txt"
if [[ -z $(find "$work" -name '*.tmp.*') ]]; then passed=$((passed + 1)); else
  echo "FAIL temporary output files left behind"; failed=$((failed + 1)); fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
