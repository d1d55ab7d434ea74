#!/usr/bin/env bash
# Validates plancheck's SARIF with Microsoft's official validator (npm
# package @microsoft/sarif-multitool, installed once under WORK-DIR): no
# errors allowed. Also checks what GitHub code scanning relies on.
# usage: validate.sh PLANCHECK SOURCE-DIR WORK-DIR
set -u
pc=$1
src=$2
work=$3
mkdir -p "$work"
tool=$work/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [[ ! -x $tool ]]; then
  (cd "$work" && npm install --no-audit --no-fund --silent @microsoft/sarif-multitool@5 >/dev/null 2>&1) || {
    echo "validate.sh: cannot install @microsoft/sarif-multitool from the npm registry" >&2; exit 1; }
  chmod u+x "$tool"
fi
cd "$src"
"$pc" --format sarif --strict -o "$work/strict.sarif" reports/zhaohua-2023.txt reports/national-2015.txt
"$pc" --format json --strict reports/zhaohua-2023.txt reports/national-2015.txt >"$work/strict.json"
"$pc" --write-baseline "$work/baseline.json" reports/zhaohua-2023.txt >/dev/null
"$pc" --format sarif --baseline "$work/baseline.json" -o "$work/suppressed.sarif" reports/zhaohua-2023.txt
# Issue 15 item 11: the file names CI jobs have — Chinese, with a space and a
# #, an absolute path, standard input — are URIs per RFC 3986.
cp reports/zhaohua-2023.txt "$work/政府工作报告（征求意见稿） #1.txt"
(cd "$work" && "$pc" --format sarif -o "$work/names.sarif" "政府工作报告（征求意见稿） #1.txt" "$src/reports/national-2015.txt")
"$pc" --format sarif -o "$work/stdin.sarif" - <reports/zhaohua-2023.txt
passed=0
failed=0
for f in strict suppressed names stdin; do
  out=$(DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0 "$tool" validate "$work/$f.sarif" 2>&1)
  if [[ $? -eq 0 ]] && ! grep -qE ': error ' <<<"$out"; then
    passed=$((passed + 1))
  else
    echo "FAIL $f.sarif: $(grep -E ': error ' <<<"$out" | head -5)"
    failed=$((failed + 1))
  fi
done
python3 - "$work/strict.sarif" "$work/strict.json" "$work/suppressed.sarif" <<'PY'
import json, sys
sarif = json.load(open(sys.argv[1]))
diags = json.load(open(sys.argv[2]))["diagnostics"]
run = sarif["runs"][0]
results = run["results"]
assert run["columnKind"] == "unicodeCodePoints", run["columnKind"]
assert len(results) == len(diags), (len(results), len(diags))
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
for r, d in zip(results, diags):
    assert r["ruleId"] == d["rule"] and ids[r["ruleIndex"]] == r["ruleId"]
    region = r["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (d["line"], d["column"], d["end_column"])
    assert len(r.get("relatedLocations", [])) == len(d["related"])
    assert r["partialFingerprints"]["plancheckFinding/v1"] == d["fingerprint"]
prints = [r["partialFingerprints"]["plancheckFinding/v1"] for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 10]
suppressed = json.load(open(sys.argv[3]))["runs"][0]["results"]
assert suppressed and all(r.get("suppressions") for r in suppressed), "baseline suppressions missing"
names = json.load(open(sys.argv[1].replace("strict.sarif", "names.sarif")))["runs"][0]
uris = sorted(a["location"]["uri"] for a in names["artifacts"])
assert uris[0].startswith("%E6%94%BF%E5%BA%9C") and uris[0].endswith("%20%231.txt"), uris
assert uris[1].startswith("file:///") and uris[1].endswith("/reports/national-2015.txt"), uris
assert names["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///"), names["originalUriBaseIds"]
print("sarif contract ok")
PY
if [[ $? -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
