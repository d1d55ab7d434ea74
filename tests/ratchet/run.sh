#!/usr/bin/env bash
# The ratchet: runs the gold scorers (tests/scorers/, copies of ../shared/tools/) on the reference
# report, the provincial corpus and the national 2014-2016 series (all under tests/corpus/ and
# reports/), turns their summary lines into named figures and compares them with the figures
# checked in to tests/ratchet/scores.tsv. A `min` figure may not fall, a `max` figure (must-not
# hits, false alarms) may not rise; `info` figures are shown, never compared. Exits 1 when any
# figure is worse than the checked-in one (or could not be measured), 0 otherwise. A better figure
# is not written back by itself: the script says so, and --update raises it.
# usage: run.sh [--update] PLANCHECK SOURCE-DIR WORK-DIR
#   --update  rewrite SOURCE-DIR/tests/ratchet/scores.tsv with every figure that got better (and
#             any figure not yet in it); a figure is never lowered
set -euo pipefail

update=0
if [[ ${1:-} == --update ]]; then
  update=1
  shift
fi
if [[ $# -ne 3 ]]; then
  echo "usage: run.sh [--update] PLANCHECK SOURCE-DIR WORK-DIR" >&2
  exit 2
fi
pc=$(realpath "$1")
src=$(realpath "$2")
work=$3
mkdir -p "$work"
work=$(realpath "$work")
# Only this script's own files: WORK-DIR may be a directory someone typed.
rm -f "$work"/*.out "$work"/reference.* "$work"/metrics.tsv "$work"/report.txt* "$work"/scores.*

scorers=$src/tests/scorers
corpus=$src/tests/corpus
gold=$corpus/gold
scores=$src/tests/ratchet/scores.tsv
reference=$src/reports/zhaohua-2023.txt
# The national series: 2015 and 2016 are the repository's own reports/; 2014 is kept apart so that
# `plancheck audit reports/` (the cli test, the README's examples) still sees two reports.
national=("$corpus/national/national-2014.txt" "$src/reports/national-2015.txt"
          "$src/reports/national-2016.txt")
metrics=$work/metrics.tsv
: >"$metrics"
errors=0

die() {
  echo "ratchet: $*" >&2
  errors=$((errors + 1))
}

# metric NAME VALUE
metric() { printf '%s\t%s\n' "$1" "$2" >>"$metrics"; }

# ratio A B: A/B with four decimals (1 when B is 0, as the scorers count it)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 1) }'; }

# run OUT COMMAND...: runs a scorer, its output (with misses and false alarms) into WORK-DIR/OUT.
# Exit status 1 only says the scorer's own bar is not met: the ratchet decides, not the scorer.
run() {
  local out=$work/$1 status=0
  shift
  "$@" >"$out" 2>&1 || status=$?
  if [[ $status -gt 1 ]]; then
    die "$(basename "$out" .out): the scorer exited $status: $(tail -n 3 "$out")"
  fi
  if grep -q '^no JSON from' "$out"; then
    die "$(basename "$out" .out): plancheck gave no JSON $(grep -c '^no JSON from' "$out") time(s), first: $(grep -m 1 '^no JSON from' "$out")"
  fi
}

# summary OUT PATTERN: the scorer's last line matching PATTERN (an extended regex), or nothing
summary() { grep -E "$2" "$work/$1" | tail -n 1 || true; }

# The reference report: facts.
status=0
"$pc" facts --format jsonl "$reference" >"$work/reference.facts.jsonl" 2>"$work/reference.facts.err" || status=$?
[[ $status -le 1 ]] || die "plancheck facts exited $status: $(head -n 3 "$work/reference.facts.err")"
run reference.facts.out python3 "$scorers/score-facts" "$gold/zhaohua-2023.facts.tsv" \
  "$work/reference.facts.jsonl" --show-misses
count_pair() {  # count_pair OUT LABEL NAME: "LABEL  F/N (r)" -> NAME = F/N
  local line re="^$2 +([0-9]+)/([0-9]+) "
  line=$(summary "$1" "^$2 ")
  if [[ $line =~ $re ]]; then
    metric "$3" "$(ratio "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}")"
  else
    die "no '$2' line in $1"
  fi
}
count_pair reference.facts.out "core recall" reference.facts.recall
count_pair reference.facts.out "extended recall" reference.facts.extended_recall
line=$(summary reference.facts.out '^precision ')
if [[ $line =~ \(([0-9]+)\ right,\ ([0-9]+)\ spurious\) ]]; then
  metric reference.facts.precision \
    "$(ratio "${BASH_REMATCH[1]}" "$((BASH_REMATCH[1] + BASH_REMATCH[2]))")"
  metric reference.facts.spurious "${BASH_REMATCH[2]}"
else
  die "no precision line in reference.facts.out"
fi
count_pair reference.facts.out "role and year" reference.facts.period
count_pair reference.facts.out "qualifier" reference.facts.qualifier
count_pair reference.facts.out "measure" reference.facts.measure

# The reference report: findings.
status=0
"$pc" check --format json "$reference" >"$work/reference.diags.json" 2>"$work/reference.diags.err" || status=$?
[[ $status -le 1 ]] || die "plancheck check exited $status: $(head -n 3 "$work/reference.diags.err")"
run reference.findings.out python3 "$scorers/score-findings" "$gold/zhaohua-2023.findings.tsv" \
  "$work/reference.diags.json" "$reference" --show
line=$(summary reference.findings.out '^findings: ')
re='^findings: ([0-9]+)/([0-9]+) expected found, ([0-9]+) false alarms, ([0-9]+) unexpected of ([0-9]+) diagnostics'
if [[ $line =~ $re ]]; then
  metric reference.findings.found "${BASH_REMATCH[1]}"
  metric reference.findings.false_alarms "${BASH_REMATCH[3]}"
  metric reference.findings.unexpected "${BASH_REMATCH[4]}"
  metric reference.findings.diagnostics "${BASH_REMATCH[5]}"
else
  die "no summary line in reference.findings.out"
fi

# corpus_metrics OUT PREFIX: score-corpus's and score-audit's summary line
#   corpus: recall F/M (r), must-not hits H, confirmed C of D diagnostics (precision p), U unexplained
corpus_metrics() {
  local line re='^[a-z]+: recall ([0-9]+)/([0-9]+) \([0-9.]+\), must-not hits ([0-9]+), confirmed ([0-9]+) of ([0-9]+) [a-z -]*diagnostics \(precision [0-9.]+\), ([0-9]+) unexplained'
  line=$(summary "$1" '^[a-z]+: recall ')
  if [[ $line =~ $re ]]; then
    metric "$2.recall" "$(ratio "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}")"
    metric "$2.must_not_hits" "${BASH_REMATCH[3]}"
    metric "$2.precision" "$(ratio "${BASH_REMATCH[4]}" "${BASH_REMATCH[5]}")"
    metric "$2.diagnostics" "${BASH_REMATCH[5]}"
    metric "$2.unexplained" "${BASH_REMATCH[6]}"
  else
    die "no summary line in $1"
  fi
}

# The provincial corpus, as a whole and for the rules its must rows are about.
score_corpus() {  # score_corpus PREFIX SCORE-CORPUS-OPTION...
  local prefix=$1
  shift
  run "$prefix.out" python3 "$scorers/score-corpus" "$pc" "$corpus/provinces-2026" \
    "$gold/provinces-2026" --show "$@"
  corpus_metrics "$prefix.out" "$prefix"
}
score_corpus corpus.default
score_corpus corpus.strict --strict
score_corpus corpus.rule.target-below-prior-actual --rule target-below-prior-actual
score_corpus corpus.rule.growth-target-below-prior-growth --strict --rule growth-target-below-prior-growth
score_corpus corpus.rule.cap-above-prior-actual --strict --rule cap-above-prior-actual

# The national series: the indicator-by-year table and the cross-report findings.
run audit.table.out python3 "$scorers/score-audit-table" "$pc" \
  "$gold/audit/national-2014-2016.table.tsv" "${national[@]}" --show
line=$(summary audit.table.out '^table: ')
re='^table: right ([0-9]+)/([0-9]+) \([0-9.]+\), found ([0-9]+)/([0-9]+), wrong status ([0-9]+), pairs in the table ([0-9]+)'
if [[ $line =~ $re ]]; then
  metric audit.table.right "$(ratio "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}")"
  metric audit.table.found "$(ratio "${BASH_REMATCH[3]}" "${BASH_REMATCH[4]}")"
  metric audit.table.wrong_status "${BASH_REMATCH[5]}"
  metric audit.table.pairs "${BASH_REMATCH[6]}"
else
  die "no summary line in audit.table.out"
fi
run audit.findings.out python3 "$scorers/score-audit" "$pc" \
  "$gold/audit/national-2014-2016.findings.tsv" "${national[@]}" --show
corpus_metrics audit.findings.out audit.findings

# Compare with the checked-in figures. A figure is worse when it moved the wrong way by more than
# half its last printed digit (the ratios have four decimals).
if [[ ! -f $scores ]]; then
  [[ $update -eq 1 ]] || die "no $scores"
  : >"$work/scores.none"
  scores_in=$work/scores.none
else
  scores_in=$scores
fi
awk -F '\t' -v OFS='\t' -v eps=0.00005 -v update="$update" -v new_scores="$work/scores.new" \
    -v report="$work/report.txt" '
  function out(s) { print s >> report }
  FILENAME == ARGV[1] { now[$1] = $2; order[++n] = $1; next }
  /^#/ || NF == 0 { print > new_scores; next }
  {
    name = $1; dir = $2; old = $3; seen[name] = 1
    if (!(name in now)) {
      printf "%-58s %-4s %10s %10s  FAIL (not measured)\n", name, dir, old, "-" >> report
      bad++; print > new_scores; next
    }
    v = now[name]; state = "ok"
    if (dir == "min") { worse = v < old - eps; better = v > old + eps }
    else if (dir == "max") { worse = v > old + eps; better = v < old - eps }
    else if (dir == "info") { worse = 0; better = 0; state = "" }
    else { worse = 1; better = 0 }
    if (worse) { state = (dir == "min" || dir == "max") ? "FAIL" : "FAIL (direction " dir "?)"; bad++ }
    if (better) { state = "ok, better"; raise[++nr] = name " " old " -> " v }
    printf "%-58s %-4s %10s %10s  %s\n", name, dir, old, v, state >> report
    print name, dir, ((better || dir == "info") && update ? v : old) > new_scores
  }
  END {
    for (k = 1; k <= n; k++) if (!(order[k] in seen)) {
      name = order[k]
      dir = name ~ /(must_not_hits|false_alarms|wrong_status|spurious)$/ ? "max" : \
            name ~ /(unexplained|unexpected|diagnostics|pairs)$/ ? "info" : "min"
      printf "%-58s %-4s %10s %10s  new (not checked in)\n", name, dir, "-", now[name] >> report
      unknown[++nu] = name
      print name, dir, now[name] > new_scores
    }
    printf "%d %d %d\n", bad + 0, nr + 0, nu + 0 > (report ".counts")
    for (k = 1; k <= nr; k++) print raise[k] > (report ".better")
    for (k = 1; k <= nu; k++) print unknown[k] > (report ".unknown")
  }' "$metrics" "$scores_in"

printf '%-58s %-4s %10s %10s  %s\n' metric dir "checked in" now ""
cat "$work/report.txt"
read -r bad better unknown <"$work/report.txt.counts"
if [[ $better -gt 0 ]]; then
  if [[ $update -eq 1 ]]; then
    echo "raised in tests/ratchet/scores.tsv:"
  else
    echo "better than checked in; raise with tests/ratchet/run.sh --update PLANCHECK SOURCE-DIR WORK-DIR:"
  fi
  sed 's/^/  /' "$work/report.txt.better"
fi
if [[ $unknown -gt 0 ]]; then
  echo "measured but not in tests/ratchet/scores.tsv (--update adds them; check each one's direction):"
  sed 's/^/  /' "$work/report.txt.unknown"
fi
if [[ $update -eq 1 && $errors -eq 0 ]]; then
  cp "$work/scores.new" "$scores.tmp" && mv "$scores.tmp" "$scores"
fi
if [[ $bad -gt 0 || $errors -gt 0 ]]; then
  echo "ratchet: $bad figure(s) worse than checked in, $errors error(s); the scorers' output is in $work" >&2
  exit 1
fi
echo "ratchet: no figure below the checked-in one"
