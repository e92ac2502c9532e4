#!/usr/bin/env bash
# The GitHub Action's check (action.yml): each finding becomes an annotation, and the job summary
# gets every finding (GitHub shows only ten annotations of each kind per step) and the peer matrix.
# The exit status is ipsec-lint's.
set -uo pipefail
cli=(node "$GITHUB_ACTION_PATH/bin/ipsec-lint.js")
read -ra paths <<< "${IPSEC_LINT_PATHS:-.}"
read -ra args <<< "${IPSEC_LINT_ARGS:-}"
[ ${#paths[@]} -gt 0 ] || paths=(.)
# GitHub refuses a step summary over 1 MiB; what would not fit is cut at a line, and said so.
budget=${IPSEC_LINT_SUMMARY_BYTES:-1000000}

# Appends a run's Markdown to the summary; status 2 (a usage error, which it prints on stderr) adds nothing.
summarize() {
  local markdown status size room
  local note=$'\n_The rest did not fit in the job summary: see the log of this step._\n\n'
  markdown=$("${cli[@]}" "$@" --format markdown "${args[@]}" "${paths[@]}" 2>/dev/null)
  status=$?
  [ "$status" -le 1 ] || return 0
  markdown+=$'\n\n'
  size=$(printf '%s' "$markdown" | wc -c)
  if [ "$size" -gt "$budget" ]; then
    room=$((budget - ${#note}))
    if [ "$room" -le 0 ]; then budget=0; return 0; fi
    markdown="$(printf '%s' "$markdown" | head -c "$room" | sed '$d')$note"
    size=$(printf '%s' "$markdown" | wc -c)
  fi
  printf '%s' "$markdown" >> "$GITHUB_STEP_SUMMARY"
  budget=$((budget - size))
}

if [ "${IPSEC_LINT_SUMMARY:-true}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  summarize
  summarize --peers
fi

exec "${cli[@]}" --format github "${args[@]}" "${paths[@]}"
