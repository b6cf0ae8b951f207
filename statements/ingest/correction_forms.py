"""The corrections page's one form: an operation on a statement (or the meeting), and why.

It checks what staff posted against the meeting as it is now and turns it into an operation
on the parse (statements.ingest.corrections): the params, with the hash of each text it
applies to, and a description in words for the meeting's history.
"""

from __future__ import annotations

from django import forms

from meetings.models import Meeting
from statements.decisions.models import NarrativeParagraph
from statements.ingest.corrections import first_words, paragraphs, sentence_starts, text_hash
from statements.models import Correction, Delegation, Statement

Op = Correction.Operation


class CorrectionForm(forms.Form):
    """One correction as posted; ``cleaned`` holds what record_correction needs."""

    operation = forms.ChoiceField(choices=Op.choices)
    statement = forms.IntegerField(required=False)
    reason = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    # reassign, and a split's second part
    delegation = forms.CharField(max_length=20, required=False)
    speaker = forms.CharField(max_length=200, required=False)
    title = forms.CharField(max_length=300, required=False)
    kind = forms.ChoiceField(choices=Statement.Kind.choices, required=False)
    # split
    at = forms.IntegerField(required=False, min_value=1)
    # merge
    other = forms.IntegerField(required=False)
    # to_narrative
    paragraph = forms.IntegerField(required=False, min_value=0)
    narrative_kind = forms.ChoiceField(choices=NarrativeParagraph.Kind.choices, required=False)
    # to_statement
    narrative = forms.IntegerField(required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        operation = data["operation"]
        statement = None
        if operation != Op.REVIEW_MEETING and not (
            operation == Op.TO_STATEMENT and not data.get("statement")
        ):
            statement = self._statement(data.get("statement"))
        build = getattr(self, f"_{operation}")
        params, description, other_id = build(data, statement)
        self.cleaned = {
            "operation": operation,
            "params": params,
            "description": description,
            "reason": data["reason"],
            "statement_id": data.get("statement") if operation != Op.REVIEW_MEETING else None,
            "other_id": other_id,
        }
        return data

    # Each operation: (params, description, other id) ----------------------------------------

    def _review(self, data, statement):
        return _anchor(statement), f"Reviewed {_name(statement)}", None

    def _review_meeting(self, data, statement):
        texts = self.meeting.statements.order_by("sequence").values_list("text", flat=True)
        return {"anchor": text_hash(" ".join(texts))}, "Reviewed the whole meeting", None

    def _reassign(self, data, statement):
        params, changes = _anchor(statement), []
        delegation = self._delegation(data.get("delegation"))
        if delegation and delegation.pk != statement.delegation_id:
            params |= {"delegation_label": delegation.name, "delegation_code": delegation.code}
            changes.append(f"delegation to {delegation.name}")
        if data.get("speaker", "") != statement.speaker_label:
            params["speaker"] = data.get("speaker", "")
            changes.append(f"speaker to “{params['speaker'] or 'none'}”")
        if data.get("title", "") != statement.title:
            params["title"] = data.get("title", "")
            changes.append(f"title to “{params['title'] or 'none'}”")
        if data.get("kind") and data["kind"] != statement.kind:
            params["kind"] = data["kind"]
            changes.append(f"kind to {Statement.Kind(data['kind']).label.lower()}")
        if not changes:
            raise forms.ValidationError("Nothing to change: every value is as it is now.")
        return params, f"Changed {_name(statement)}: {', '.join(changes)}", None

    def _split(self, data, statement):
        at = data.get("at")
        if at not in sentence_starts(statement.text):
            raise forms.ValidationError("Choose the sentence the second part starts with.")
        delegation = self._delegation(data.get("delegation"))
        kind = data.get("kind") or Statement.Kind.STATEMENT
        if kind == Statement.Kind.SUMMARY:
            raise forms.ValidationError("A split part cannot be a lead summary.")
        params = _anchor(statement) | {
            "at": at,
            "delegation_label": delegation.name if delegation else "",
            "delegation_code": delegation.code if delegation else "",
            "speaker": data.get("speaker", ""),
            "title": data.get("title", ""),
            "kind": kind,
        }
        who = data.get("speaker") or (delegation.name if delegation else "no one named")
        opening = first_words(statement.text[at:], 6)
        return params, f"Split {_name(statement)} at “{opening} …”, to {who}", None

    def _merge(self, data, statement):
        other = self._statement(data.get("other"))
        if other.pk == statement.pk:
            raise forms.ValidationError("Choose another statement to merge with.")
        kept, gone = sorted([statement, other], key=lambda s: s.sequence)
        params = _anchor(kept) | {"other": text_hash(gone.text)}
        self.cleaned_data["statement"] = kept.pk
        return params, f"Merged {_name(gone)} into {_name(kept)}", gone.pk

    def _to_narrative(self, data, statement):
        parts = paragraphs(statement.text)
        index = data.get("paragraph") or 0
        if index >= len(parts):
            raise forms.ValidationError("The statement has no such paragraph.")
        kind = data.get("narrative_kind") or NarrativeParagraph.Kind.OTHER
        params = _anchor(statement) | {"index": index, "narrative_kind": kind}
        words = first_words(parts[index], 6)
        return params, f"Moved “{words} …” from {_name(statement)} to the narrative", None

    def _to_statement(self, data, statement):
        paragraph = self.meeting.narrative.filter(pk=data.get("narrative") or 0).first()
        if paragraph is None:
            raise forms.ValidationError("Choose a narrative paragraph of this meeting.")
        if statement is None:  # the statement it follows, else the first
            statement = (
                self.meeting.statements.filter(sequence=paragraph.after_statement).first()
                or self.meeting.statements.order_by("sequence").first()
            )
        params = _anchor(statement) | {"narrative": text_hash(paragraph.text)}
        self.cleaned_data["statement"] = statement.pk
        words = first_words(paragraph.text, 6)
        return params, f"Moved “{words} …” from the narrative into {_name(statement)}", None

    # Lookups -------------------------------------------------------------------------------

    def _statement(self, pk) -> Statement:
        found = self.meeting.statements.filter(pk=pk or 0).first()
        if found is None:
            raise forms.ValidationError("Choose a statement of this meeting.")
        return found

    def _delegation(self, code: str | None) -> Delegation | None:
        code = (code or "").strip()
        if not code:
            return None
        found = Delegation.objects.filter(code__iexact=code).first()
        if found is None:
            raise forms.ValidationError(f"No delegation has the code “{code}”.")
        return found


def _anchor(statement: Statement) -> dict:
    return {"anchor": text_hash(statement.text)}


def _name(statement: Statement) -> str:
    who = statement.speaker_label or statement.delegation_label or "unattributed"
    return f"statement {statement.sequence} (#{statement.pk}, {who})"
