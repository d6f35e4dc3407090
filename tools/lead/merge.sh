#!/bin/bash
# merge.sh BRANCH... : merge each branch into main (in /work/main), stopping at a conflict.
cd /work/main || exit 1
for b in "$@"; do
  echo "=== merging $b"
  if ! git merge --no-ff --no-edit "$b"; then
    echo "CONFLICT in $b:"; git diff --name-only --diff-filter=U; exit 1
  fi
done
