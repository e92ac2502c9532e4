#!/usr/bin/env bash
# The GitHub Action's first step (action.yml): builds the checked-out action as the README's
# quick start does.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
