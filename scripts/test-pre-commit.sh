#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit. Not part of
# `cargo test`: it needs pre-commit (installed into a venv from PyPI, or from pip's cache)
# and builds onrecord in release mode through pre-commit's `language: rust`.
#
#   scripts/test-pre-commit.sh             # the hook as committed at HEAD
#   scripts/test-pre-commit.sh --worktree  # HEAD plus the uncommitted changes of the work tree
#
# Environment: PC_VENV (default /tmp/pc) holds pre-commit; PC_TARGET (default
# /tmp/onrecord-pre-commit-target) is the cargo target dir shared between runs.
# Exit status 0 when a commit with a finding fails the hook and a clean one passes it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${PC_VENV:-/tmp/pc}
export CARGO_TARGET_DIR=${PC_TARGET:-/tmp/onrecord-pre-commit-target}
WORKTREE=0
[[ "${1:-}" == "--worktree" ]] && WORKTREE=1

if [[ ! -x "$VENV/bin/pre-commit" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet pre-commit
fi
PRE_COMMIT="$VENV/bin/pre-commit"
echo "pre-commit: $("$PRE_COMMIT" --version)"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export PRE_COMMIT_HOME="$TMP/cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid

# The hook repository: a clone of this one (with the work tree's changes if asked).
HOOKS="$TMP/onrecord"
git clone --quiet "$ROOT" "$HOOKS"
if [[ $WORKTREE == 1 ]]; then
    (cd "$ROOT" && git ls-files --cached --others --exclude-standard -z) |
        (cd "$ROOT" && xargs -0 tar cf - --ignore-failed-read 2>/dev/null) | (cd "$HOOKS" && tar xf -)
    (cd "$HOOKS" && git add -A && git commit --quiet --allow-empty -m "work tree under test")
fi
REV=$(git -C "$HOOKS" rev-parse HEAD)

# A repository of articles that uses the hook.
ARTICLES="$TMP/articles"
mkdir -p "$ARTICLES"
cd "$ARTICLES"
git init --quiet
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $HOOKS
    rev: $REV
    hooks:
      - id: onrecord
YAML
cat > notes.yaml <<'YAML'
# Not an article: the hook must not be given this file.
title: "unbalanced
YAML

status=0

echo
echo "== an article with an error-level finding: the hook must fail"
printf 'The mayor said “we will rebuild the bridge by spring.\n\nWork starts on Monday, she said.\n' > story.md
git add -A
if "$PRE_COMMIT" run --all-files; then
    echo "FAIL: the hook passed an article with an unbalanced quote"
    status=1
else
    echo "ok: the hook failed"
fi

echo
echo "== a clean article: the hook must pass"
printf '“We will rebuild the bridge by spring,” Mayor Dana Ruiz said on Monday.\n\nWork starts in March, Ruiz said.\n' > story.md
git add -A
if "$PRE_COMMIT" run --all-files; then
    echo "ok: the hook passed"
else
    echo "FAIL: the hook failed on a clean article"
    status=1
fi

echo
[[ $status == 0 ]] && echo "pre-commit test: 2 passed, 0 failed" || echo "pre-commit test: failed"
exit $status
