#!/usr/bin/env bash
# The GitHub Action's check (action.yml): each finding becomes an annotation, and the job summary
# gets the peer matrix. The exit status is ipsec-lint's.
set -uo pipefail
cli=(node "$GITHUB_ACTION_PATH/bin/ipsec-lint.js")
read -ra paths <<< "${IPSEC_LINT_PATHS:-.}"
read -ra args <<< "${IPSEC_LINT_ARGS:-}"
[ ${#paths[@]} -gt 0 ] || paths=(.)

if [ "${IPSEC_LINT_PEERS_SUMMARY:-true}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  matrix=$("${cli[@]}" --peers "${args[@]}" "${paths[@]}" 2>/dev/null)
  status=$?
  # 0 or 1 is a matrix; 2 means options --peers does not take (--fix, --quiet), so there is none.
  if [ "$status" -le 1 ]; then
    printf '### IPsec tunnels\n\n```\n%s\n```\n' "$matrix" >> "$GITHUB_STEP_SUMMARY"
  fi
fi

exec "${cli[@]}" --format github "${args[@]}" "${paths[@]}"
