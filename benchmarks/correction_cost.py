"""What a staff correction costs: five corrections and their undos on the sample release.

Run against an archive holding the sample release (as `python3 dev.py start` leaves it):

    python3 dev.py manage shell < benchmarks/correction_cost.py

Each correction (a title change) and each undo writes the whole meeting again through the
ingest writer (parse, plan, write, tagging, search index); the undo leaves the archive as it was.
Printed: wall seconds, and this process's CPU seconds (time.process_time: Python's share, not
PostgreSQL's), sorted.
"""

import time

from meetings.models import Meeting
from statements.ingest.correction_writes import record_correction, undo_correction
from statements.ingest.corrections import text_hash

meeting = Meeting.objects.get(release__symbol="GA/12388")
timings = []
for i in range(5):
    statement = meeting.statements.get(sequence=40)
    started, cpu = time.perf_counter(), time.process_time()
    correction = record_correction(
        meeting=meeting,
        operation="reassign",
        params={"anchor": text_hash(statement.text), "title": f"Benchmark {i}"},
        description="benchmark",
        reason="benchmark",
        statement_id=statement.pk,
    )
    corrected, corrected_cpu = time.perf_counter(), time.process_time()
    undo_correction(correction=correction)
    timings.append(
        (
            corrected - started,
            time.perf_counter() - corrected,
            corrected_cpu - cpu,
            time.process_time() - corrected_cpu,
        )
    )
for n, name in enumerate(["correction s", "undo s", "correction CPU s", "undo CPU s"]):
    print(f"{name}:", sorted(round(t[n], 3) for t in timings))
