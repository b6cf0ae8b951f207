"""The one place alignment reads vote rows: each vote's position and its basis.

A vote's basis is how the archive knows it: "recorded" (the release names the delegation),
"inferred" (from the tally and who sat in the room) or "consensus" (the decision was adopted
without a vote and the delegation joined the consensus: never a vote in favour).

The basis is the field Vote.basis (written by statements/ingest/vote_inference.py); a row on a
decision adopted without a vote or by consensus counts as "consensus" whatever it records.
"""

from __future__ import annotations

from django.db.models import Case, CharField, F, Q, QuerySet, Value, When

from statements.decisions.models import Decision, Vote

RECORDED, INFERRED, CONSENSUS = "recorded", "inferred", "consensus"
BASES = (RECORDED, INFERRED, CONSENSUS)
BASIS_LABELS = {
    RECORDED: "recorded (named in the release)",
    INFERRED: "inferred (from the tally and the membership)",
    CONSENSUS: "joined the consensus (adopted without a vote)",
}
# The positions that count; "absent" is not a position and is left out of every figure.
IN_FAVOUR, AGAINST, ABSTAINING = "in_favour", "against", "abstaining"
POSITIONS = (IN_FAVOUR, AGAINST, ABSTAINING)
CONSENSUS_METHODS = (Decision.Method.WITHOUT_VOTE, Decision.Method.CONSENSUS)

BASIS = Case(
    When(decision__method__in=CONSENSUS_METHODS, then=Value(CONSENSUS)),
    default=F("basis"),
    output_field=CharField(),
)


def basis_of(vote: Vote) -> str:
    """The basis of one loaded vote (its decision loaded too)."""
    basis = getattr(vote, "basis", None)
    if basis in BASES:
        return basis
    return CONSENSUS if vote.decision.method in CONSENSUS_METHODS else RECORDED


def vote_rows(decisions: QuerySet | None = None) -> QuerySet:
    """Votes that count (a resolved delegation, a position), annotated `vote_basis`."""
    counted = Q(vote__in=POSITIONS) | Q(vote=Vote.Choice.CONSENSUS)
    rows = Vote.objects.filter(counted, delegation__isnull=False)
    if decisions is not None:
        rows = rows.filter(decision__in=decisions.values("id"))
    return rows.annotate(vote_basis=BASIS)
