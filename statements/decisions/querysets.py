"""Read queries on decisions and votes: per meeting, divided votes, a delegation's voting record."""

from __future__ import annotations

from django.db import models


class DecisionQuerySet(models.QuerySet):
    def with_related(self) -> DecisionQuerySet:
        """Join the meeting and its body for listings."""
        return self.select_related("meeting__body", "meeting__release")

    def divided(self) -> DecisionQuerySet:
        """Decisions some delegation voted against or abstained on, and vetoes."""
        return self.filter(
            models.Q(no__gt=0) | models.Q(abstain__gt=0) | models.Q(action="failed_veto")
        )

    def for_body(self, body_slug: str) -> DecisionQuerySet:
        return self.filter(meeting__body__slug=body_slug)

    def in_year(self, year: int) -> DecisionQuerySet:
        return self.filter(date__year=year)

    def narrowed_to(self, *, body: str = "", year: str = "") -> DecisionQuerySet:
        """One body and one year when asked (a voting record's filters): blank or malformed
        values narrow nothing."""
        narrowed = self.for_body(body[:80]) if body else self
        return narrowed.in_year(int(year)) if year.isdigit() else narrowed

    def record_of(self, delegation) -> DecisionQuerySet:
        """Every decision of a body while the delegation sat on it, or that names its vote.

        Each carries the delegation's ``member_vote`` and its ``member_basis`` (recorded, inferred,
        consensus; None when the release does not say how it voted) and its explanation of vote.
        """
        from statements.decisions.models import Vote, VoteExplanation
        from statements.reference.membership import (
            ALL_MEMBERS_BODIES,
            ECOSOC,
            SECURITY_COUNCIL,
            membership_periods,
        )

        sat = models.Q(pk__in=Vote.objects.filter(delegation=delegation).values("decision_id"))
        for bodies in ((SECURITY_COUNCIL,), (ECOSOC,), tuple(sorted(ALL_MEMBERS_BODIES))):
            for start, end in membership_periods(delegation.code, bodies[0]):
                span = models.Q(meeting__body__slug__in=bodies, date__gte=start)
                sat |= span & models.Q(date__lt=end) if end else span
        own = Vote.objects.filter(decision_id=models.OuterRef("pk"), delegation=delegation)
        explanation = (
            VoteExplanation.objects.filter(
                decision_id=models.OuterRef("pk"), statement__delegation=delegation
            )
            .exclude(statement__kind="summary")
            .order_by("statement__sequence")
        )
        return (
            self.filter(sat)
            .annotate(
                member_vote=models.Subquery(own.values("vote")[:1]),
                member_basis=models.Subquery(own.values("basis")[:1]),
                explanation_id=models.Subquery(explanation.values("statement_id")[:1]),
            )
            .select_related("meeting__body")
            .order_by("-date", "meeting_id", "sequence")
        )


class VoteQuerySet(models.QuerySet):
    def for_delegation(self, delegation) -> VoteQuerySet:
        return self.filter(delegation=delegation)

    def on_decisions(self, decisions: models.QuerySet) -> VoteQuerySet:
        """The votes taken on these decisions (one subquery, whatever their order)."""
        return self.filter(decision__in=decisions.order_by().values("pk"))

    def with_explanation(self) -> VoteQuerySet:
        """Annotate each vote with the id of its delegation's explanation of vote, if any."""
        from statements.decisions.models import VoteExplanation

        # The full statement, not the lead paragraph that summarizes it.
        explanation = (
            VoteExplanation.objects.filter(
                decision_id=models.OuterRef("decision_id"),
                statement__delegation_id=models.OuterRef("delegation_id"),
            )
            .exclude(statement__kind="summary")
            .order_by("statement__sequence")
        )
        return self.annotate(explanation_id=models.Subquery(explanation.values("statement_id")[:1]))

    def record(self) -> VoteQuerySet:
        """Votes newest first with their decision, meeting and body, for a voting record."""
        return self.select_related("decision__meeting__body").order_by(
            "-decision__date", "decision__meeting_id", "decision__sequence"
        )
