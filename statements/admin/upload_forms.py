"""Forms of the admin upload flow: upload files or text, then review and confirm each release."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django import forms
from django.core import signing

from meetings.models import Body
from statements.ingest import IngestError, parse_source
from statements.parsing import ParsedRelease

PAYLOAD_SALT = "statements.release-upload"
PAYLOAD_MAX_AGE = 60 * 60 * 24


@dataclass(frozen=True)
class Upload:
    """One uploaded source, carried between the steps in a signed hidden field."""

    name: str
    source: bytes

    def sign(self) -> str:
        """Serialize for a hidden field; the signature stops tampering between the steps."""
        data = {"n": self.name, "s": base64.b64encode(self.source).decode("ascii")}
        return signing.dumps(data, salt=PAYLOAD_SALT, compress=True)

    @classmethod
    def unsign(cls, token: str) -> Upload:
        """Read a signed payload back; raises signing.BadSignature when tampered or expired."""
        data = signing.loads(token, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
        return cls(name=data["n"], source=base64.b64decode(data["s"]))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".html,.htm,.txt"}))
        kwargs.setdefault("allow_empty_file", True)  # the parser says "empty", naming the file
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class UploadForm(forms.Form):
    """Step 1: files (a saved web page or a text copy, many at once) or pasted text."""

    files = MultipleFileField(required=False, label="Press release files")
    text = forms.CharField(
        required=False,
        label="…or paste the text of one release",
        widget=forms.Textarea(attrs={"rows": 10, "cols": 100}),
    )
    address = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label="…or a press.un.org address",
        help_text="Fetched from the UN's own sites only, then reviewed like an upload.",
    )

    def clean(self):
        """Parse every upload; a file that is not a release is a form error naming it."""
        cleaned = super().clean()
        uploads = [Upload(name=f.name, source=f.read()) for f in cleaned.get("files") or []]
        if cleaned.get("text", "").strip():
            uploads.append(Upload(name="pasted text", source=cleaned["text"].encode("utf-8")))
        if cleaned.get("address"):
            uploads.append(_fetched_upload(cleaned["address"]))
        if not uploads:
            raise forms.ValidationError(
                "Choose at least one file, paste the text of a release or give its address."
            )
        problems, self.parsed = [], []
        for upload in uploads:
            try:
                self.parsed.append((upload, parse_source(upload.source, source_name=upload.name)))
            except IngestError as exc:
                problems.append(forms.ValidationError(str(exc)))
        if problems:
            raise forms.ValidationError(problems)
        return cleaned


def _fetched_upload(address: str) -> Upload:
    """Fetch a release from a UN host; its address becomes its name (and its source URL)."""
    from statements.harvest.admin_fetch import AddressRefused, fetch_release_page

    try:
        return Upload(name=address, source=fetch_release_page(address))
    except AddressRefused as exc:
        raise forms.ValidationError(str(exc)) from exc


def body_choices() -> list[tuple[str, str]]:
    """Known bodies for the review form's body field."""
    return [("", "—")] + [(name, name) for name in Body.objects.values_list("name", flat=True)]


class ReviewForm(forms.Form):
    """Step 2, one per release: the metadata as parsed, editable by staff."""

    payload = forms.CharField(widget=forms.HiddenInput)
    symbol = forms.CharField(max_length=60, required=False, help_text="e.g. GA/12388, SC/15432")
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    confirm_date = forms.BooleanField(required=False, label="I confirm the inferred date")
    body = forms.ChoiceField(required=False)
    session = forms.IntegerField(required=False, min_value=1, max_value=200)
    meetings = forms.CharField(required=False, help_text="Meeting numbers, e.g. 38, 39")
    part = forms.CharField(required=False, max_length=20)
    headline = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 90}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].choices = body_choices()

    def clean_payload(self) -> Upload:
        try:
            return Upload.unsign(self.cleaned_data["payload"])
        except (signing.BadSignature, ValueError, KeyError) as exc:
            raise forms.ValidationError(
                "The uploaded file could not be read back (expired or altered): upload it again."
            ) from exc

    def clean_meetings(self) -> tuple[int, ...]:
        raw = self.cleaned_data.get("meetings") or ""
        parts = [p for p in raw.replace("&", ",").replace(" ", ",").split(",") if p]
        if not all(p.isdigit() and 0 < int(p) < 100000 for p in parts):
            raise forms.ValidationError("Meeting numbers are whole numbers separated by commas.")
        return tuple(int(p) for p in parts)

    def overrides(self, parsed: ParsedRelease) -> dict:
        """The staff's values, to lay over the parse; an unchanged inferred date stays a guess."""
        data = self.cleaned_data
        keys = ("symbol", "date", "confirm_date", "body", "session", "meetings", "part", "headline")
        values = {k: data.get(k) for k in keys}
        values["symbol"] = (values["symbol"] or "").strip()
        if values["date"] == parsed.meeting.date and not values["confirm_date"]:
            values.pop("date")
        return values


def initial_review(upload: Upload, parsed: ParsedRelease) -> dict:
    """The review form's initial values, from the parse."""
    meeting = parsed.meeting
    return {
        "payload": upload.sign(),
        "symbol": meeting.symbol or "",
        "date": meeting.date,
        "confirm_date": False,
        "body": meeting.body or "",
        "session": meeting.session,
        "meetings": ", ".join(str(n) for n in meeting.meetings),
        "part": meeting.part or "",
        "headline": meeting.headline,
    }


ReviewFormSet = forms.formset_factory(ReviewForm, extra=0, max_num=200, validate_max=True)
