#!/usr/bin/env bash
# ci/github-workflow.yml as GitHub would run it, offline: the YAML is read,
# its "Check reports" step is run with the built plancheck on PATH in a
# repository of drafts, on the first run (no baseline yet), with a baseline,
# and with more findings than GitHub shows as annotations. Also checks that
# the actions it uses are current majors and that plancheck is pinned.
# usage: workflow.sh PLANCHECK SOURCE-DIR WORK-DIR
set -u
pc=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work/bin" "$work/repo/reports"
ln -s "$pc" "$work/bin/plancheck"
passed=0
failed=0
check() {  # check NAME STATUS MESSAGE
  if [[ $2 == 0 ]]; then passed=$((passed + 1)); else echo "FAIL $1: $3"; failed=$((failed + 1)); fi
}

# Debian's python3-yaml is for Debian's python3, which may not be first on PATH.
py=
for p in python3 /usr/bin/python3; do
  if "$p" -c "import yaml" 2>/dev/null; then py=$p; break; fi
done
[[ -n $py ]] || { echo "workflow.sh: needs python3-yaml (ci/install-deps installs it)" >&2; exit 1; }

wf=$src/ci/github-workflow.yml
# The workflow's parts, as shell assignments: its env, the step's script.
"$py" - "$wf" "$work" <<'EOF' || { echo "FAIL the workflow does not parse"; exit 1; }
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
work = sys.argv[2]
steps = wf["jobs"]["check"]["steps"]
script = next(s["run"] for s in steps if s.get("name") == "Check reports")
open(work + "/step.sh", "w").write(script)
with open(work + "/env.sh", "w") as out:
    for k, v in wf["env"].items():
        out.write("export %s=%s\n" % (k, "'" + str(v).replace("'", "") + "'"))
uses = [s["uses"] for s in steps if "uses" in s]
open(work + "/uses.txt", "w").write("\n".join(uses) + "\n")
open(work + "/shell.txt", "w").write(wf.get("defaults", {}).get("run", {}).get("shell", "") + "\n")
EOF
source "$work/env.sh"

# Current majors only: checkout v4 runs on a Node the runners dropped,
# upload-sarif v3 is deprecated.
check "actions/checkout current" "$(grep -qx 'actions/checkout@v6' "$work/uses.txt"; echo $?)" "$(cat "$work/uses.txt")"
check "upload-sarif current" "$(grep -qx 'github/codeql-action/upload-sarif@v4' "$work/uses.txt"; echo $?)" "$(cat "$work/uses.txt")"
check "plancheck pinned" "$([[ $PLANCHECK_REF =~ ^(v[0-9]+\.[0-9]+\.[0-9]+|[0-9a-f]{40})$ ]]; echo $?)" "PLANCHECK_REF=$PLANCHECK_REF is not a release tag or commit"
check "bash steps" "$(grep -qx bash "$work/shell.txt"; echo $?)" "the step uses bash arrays; defaults.run.shell must be bash"

# run_step -> exit status of the step, run as GitHub runs a bash step.
run_step() {
  (cd "$work/repo" && PATH="$work/bin:$PATH" GITHUB_STEP_SUMMARY="$work/summary.md" \
     bash --noprofile --norc -eo pipefail "$work/step.sh" >"$work/annotations.txt" 2>"$work/stderr.txt")
}

# 1. First run: no baseline in the repository. Findings fail the step with
# status 1 (not 2), and the summary and the SARIF are written.
cp "$src/reports/zhaohua-2023.txt" "$work/repo/$REPORTS/"
: >"$work/summary.md"
run_step; status=$?
check "first run" "$([[ $status -eq 1 ]]; echo $?)" "status $status: $(cat "$work/stderr.txt")"
check "first run summary" "$(grep -q '^| .*target-below-prior-actual' "$work/summary.md"; echo $?)" "$(head -5 "$work/summary.md")"
check "first run sarif" "$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['runs'][0]['results']; assert r and not any('suppressions' in x for x in r)" "$work/repo/plancheck.sarif"; echo $?)" "no SARIF results"
check "first run annotations" "$(grep -q '^::warning file=' "$work/annotations.txt"; echo $?)" "$(head -3 "$work/annotations.txt")"

# 2. Every finding acknowledged in the baseline: the step passes, the SARIF
# marks them suppressed, no annotation is left.
(cd "$work/repo" && "$pc" --write-baseline "$BASELINE" "$REPORTS" >/dev/null)
: >"$work/summary.md"
run_step; status=$?
check "with baseline" "$([[ $status -eq 0 ]]; echo $?)" "status $status: $(cat "$work/stderr.txt")"
check "with baseline sarif" "$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['runs'][0]['results']; assert r and all(x.get('suppressions') for x in r)" "$work/repo/plancheck.sarif"; echo $?)" "acknowledged findings not suppressed in the SARIF"
check "with baseline annotations" "$([[ ! -s $work/annotations.txt ]]; echo $?)" "$(head -3 "$work/annotations.txt")"
check "with baseline summary" "$(grep -q '基线已屏蔽' "$work/summary.md"; echo $?)" "$(cat "$work/summary.md")"
rm "$work/repo/$BASELINE"

# 3. More warnings than GitHub shows: a notice first says so.
for n in 2 3; do cp "$src/reports/zhaohua-2023.txt" "$work/repo/$REPORTS/copy$n.txt"; done
run_step
warnings=$(grep -c '^::warning' "$work/annotations.txt")
check "capped annotations" "$([[ $warnings -gt 10 && $(head -1 "$work/annotations.txt") == "::notice title=plancheck::"*"$((warnings - 10))"* ]]; echo $?)" "$warnings warnings; first line: $(head -1 "$work/annotations.txt")"
check "summary lists all" "$([[ $(grep -c '^| .*:[0-9]*:[0-9]* |' "$work/summary.md") -eq $warnings ]]; echo $?)" "summary rows differ from $warnings"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
