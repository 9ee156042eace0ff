#!/usr/bin/env python3
"""The guide's backfill in Python (standard library only): copy TOTAL records in batches, record a checkpoint
after each batch, and after a crash (or in a new session) resume where Baton's brief says the work stopped.

    export BATON_URL=… BATON_TOKEN=…       (printed by `npm start`)
    python3 examples/backfill.py           (run it again after a crash: it resumes at the last checkpoint)

BACKFILL_STOP_AT=730000 simulates a crash once that record is copied (the guide's "73% done").
"""
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
import uuid

BASE = os.environ.get("BATON_URL", "http://127.0.0.1:3000").rstrip("/") + "/api/v1"
TOKEN = os.environ["BATON_TOKEN"]
KEY = os.environ.get("BATON_TASK", "backfill-user-events")
TOTAL = int(os.environ.get("BACKFILL_TOTAL", "1000000"))
BATCH = int(os.environ.get("BACKFILL_BATCH", "10000"))
STOP_AT = int(os.environ["BACKFILL_STOP_AT"]) if os.environ.get("BACKFILL_STOP_AT") else None


def call(method, path, body=None, headers=None):
    request = urllib.request.Request(
        BASE + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"authorization": f"Bearer {TOKEN}", "accept": "application/json", "content-type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=70) as response:
            text = response.read().decode()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        problem = json.loads(error.read().decode() or "{}")
        sys.exit(f"baton refused {method} {path}: {problem.get('detail', error.reason)}")


def resume_cursor():
    """The record to start after: the brief's resume cursor ("record 730000"), or 0 on a fresh task."""
    brief = call("GET", f"/tasks/{KEY}/brief")
    match = re.fullmatch(r"record (\d+)", brief.get("resumeFrom") or "")
    return int(match.group(1)) if match else 0


def record_checkpoint(checkpoint, attempts=3):
    """Retries a lost connection with the same Idempotency-Key, so the checkpoint is recorded once."""
    key = str(uuid.uuid4())
    for attempt in range(attempts):
        try:
            return call("POST", f"/tasks/{KEY}/checkpoints", checkpoint, {"idempotency-key": key})
        except urllib.error.URLError:
            if attempt == attempts - 1:
                raise
            time.sleep(2**attempt)


def copy_batch(first, last):
    """The real work would run INSERT … SELECT … WHERE id > first AND id <= last."""


def main():
    call("PUT", f"/tasks/{KEY}", {"title": "Backfill user_events.account_id", "phases": [{"key": "backfill"}]})
    start = resume_cursor()
    if start:
        print(f"Resuming at record {start} (from the Baton brief)")
    for first in range(start, TOTAL, BATCH):
        last = min(first + BATCH, TOTAL)
        copy_batch(first, last)
        checkpoint = {
            "phase": "backfill",
            "agent": "backfill.py",
            "summary": f"Copied records {first + 1}–{last}",
            "done": [f"records {first + 1}–{last} copied"],
            "next": [f"copy records after {last}"],
            "progress": {"current": last, "total": TOTAL, "unit": "records"},
            "resumeFrom": f"record {last}",
        }
        record_checkpoint(checkpoint)
        print(f"checkpoint: {last} / {TOTAL} records")
        if STOP_AT is not None and STOP_AT <= last < TOTAL:
            print(f"simulated crash after record {last}", file=sys.stderr)
            sys.exit(75)
    call("PATCH", f"/tasks/{KEY}/phases/backfill", {"status": "done"})


if __name__ == "__main__":
    main()
