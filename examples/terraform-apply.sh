#!/usr/bin/env bash
# Plan, ask a person to approve the plan in Baton, and apply only if they approved (`baton approval wait` exit 0).
# Rejected (3), expired or cancelled (4) or undecided at the timeout (5): nothing is applied, and the
# script exits with that code; a rejection's comment is printed (it is also the brief's first next action).
#
#   export BATON_URL=… BATON_TOKEN=…
#   examples/terraform-apply.sh            (in a terraform working directory)
#
# TERRAFORM names the terraform binary (tests put a stand-in there); APPROVAL_TIMEOUT is in seconds.
set -euo pipefail

TF=${TERRAFORM:-terraform}
KEY=${BATON_TASK:-terraform-$(basename "$PWD")}
TIMEOUT=${APPROVAL_TIMEOUT:-3600}

baton task put "$KEY" --title "terraform apply in $(basename "$PWD")" --phase plan --phase apply:gate >/dev/null

baton phase "$KEY" plan active >/dev/null
"$TF" plan -input=false -out=plan.out
"$TF" show -no-color plan.out >plan.out.txt
baton phase "$KEY" plan done >/dev/null

summary=$(grep -E '^(Plan:|No changes)' plan.out.txt || true)
id=$(baton approval request "$KEY" apply --title "Apply plan.out" --artifact plan.out.txt --summary "${summary:-terraform plan}")
echo "Waiting for a person to approve $id …"

set +e
decision=$(baton approval wait "$id" --timeout "$TIMEOUT")
code=$?
set -e
if ((code != 0)); then
  [[ -n $decision ]] && echo "Not applying: $decision"
  exit "$code"
fi
echo "$decision"

baton phase "$KEY" apply active >/dev/null
if "$TF" apply -input=false plan.out; then
  baton phase "$KEY" apply done >/dev/null
else
  baton phase "$KEY" apply failed >/dev/null
  exit 1
fi
