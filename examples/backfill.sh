#!/usr/bin/env bash
# The guide's backfill as a shell script: copy TOTAL records in batches, record a checkpoint after each batch,
# and after a crash (or in a new session) resume exactly where the brief says the work stopped.
#
#   export BATON_URL=… BATON_TOKEN=…       (printed by `npm start`)
#   examples/backfill.sh                   (run it again after a crash: it resumes at the last checkpoint)
#
# BACKFILL_STOP_AT=730000 simulates a crash once that record is copied (the guide's "73% done").
set -euo pipefail

KEY=${BATON_TASK:-backfill-user-events}
TOTAL=${BACKFILL_TOTAL:-1000000}
BATCH=${BACKFILL_BATCH:-10000}
STOP_AT=${BACKFILL_STOP_AT:-}

baton task put "$KEY" --title "Backfill user_events.account_id" --phase backfill >/dev/null

# Where to resume: the brief's cursor ("record 730000"), or the start on a fresh task.
start=$(baton brief "$KEY" --json | sed -n 's/^  "resumeFrom": "record \([0-9]*\)",\{0,1\}$/\1/p')
start=${start:-0}
if ((start > 0)); then
  echo "Resuming at record $start (from the Baton brief):"
  baton brief "$KEY" | sed -n '/## Where to resume/,/^## Next actions/p' | sed '$d'
fi

copy_batch() { # the real work would run: INSERT … SELECT … WHERE id > $1 AND id <= $2
  :
}

for ((from = start; from < TOTAL; from += BATCH)); do
  to=$((from + BATCH > TOTAL ? TOTAL : from + BATCH))
  copy_batch "$from" "$to"
  baton checkpoint "$KEY" --phase backfill --agent backfill.sh \
    --summary "Copied records $((from + 1))–$to" \
    --done "records $((from + 1))–$to copied" \
    --next "copy records after $to" \
    --progress "$to/$TOTAL" --unit records --resume-from "record $to" >/dev/null
  echo "checkpoint: $to / $TOTAL records"
  if [[ -n $STOP_AT ]] && ((to >= STOP_AT && to < TOTAL)); then
    echo "simulated crash after record $to" >&2
    exit 75
  fi
done

baton phase "$KEY" backfill done
