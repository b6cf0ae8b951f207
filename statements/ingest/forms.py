"""Forms of the admin upload flow: upload files or text, then review and confirm each release."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing

from meetings.models import Body
from statements.ingest import IngestError, ReleaseMetadata, parse_source
from statements.parsing import ParsedRelease

BASIS_SALT = "statements.release-review-basis"
PENDING_SALT = "statements.release-review-corrections"

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
        self.tokens = [upload.sign() for upload, _ in self.parsed]
        _check_batch_size(self.tokens)
        return cleaned


def _check_batch_size(tokens: list[str]) -> None:
    """Refuse a batch whose review page could not be posted back (Django's request size limit)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    size = sum(map(len, tokens))
    if limit is not None and size > limit * 0.9:
        raise forms.ValidationError(
            f"These {len(tokens)} files are too large to review together ({size / 1_048_576:.1f} "
            f"MB once packed, the limit is {limit * 0.9 / 1_048_576:.1f} MB): upload them in "
            "smaller batches."
        )


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
    part = forms.CharField(required=False, max_length=20, help_text="AM, PM, AM & PM …")
    source_url = forms.URLField(
        required=False,
        max_length=500,
        label="Source URL",
        assume_scheme="https",
        help_text="The release's page on press.un.org or www.un.org",
    )
    headline = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 90}))
    basis = forms.CharField(required=False, widget=forms.HiddenInput)
    pending = forms.CharField(required=False, widget=forms.HiddenInput)

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

    def clean_basis(self) -> str | None:
        """The state of the stored release when staff reviewed this upload (signed)."""
        token = self.cleaned_data.get("basis")
        if not token:
            return None
        try:
            return signing.loads(token, salt=BASIS_SALT, max_age=PAYLOAD_MAX_AGE)
        except signing.BadSignature as exc:
            raise forms.ValidationError("The review could not be read back: upload again.") from exc

    def clean_pending(self) -> list[dict]:
        """Corrections made on this review page, not yet written (signed, as the payload)."""
        token = self.cleaned_data.get("pending")
        if not token:
            return []
        try:
            return signing.loads(token, salt=PENDING_SALT, max_age=PAYLOAD_MAX_AGE)
        except signing.BadSignature as exc:
            raise forms.ValidationError("The review could not be read back: upload again.") from exc

    def clean_meetings(self) -> tuple[int, ...]:
        raw = self.cleaned_data.get("meetings") or ""
        parts = [p for p in raw.replace("&", ",").replace(" ", ",").split(",") if p]
        if not all(p.isdigit() and 0 < int(p) < 100000 for p in parts):
            raise forms.ValidationError("Meeting numbers are whole numbers separated by commas.")
        return tuple(int(p) for p in parts)

    def overrides(self, parsed: ParsedRelease) -> dict:
        """The staff's values, to lay over the parse; an unchanged inferred date stays a guess."""
        data = self.cleaned_data
        keys = (
            "symbol",
            "date",
            "confirm_date",
            "body",
            "session",
            "meetings",
            "part",
            "headline",
            "source_url",
        )
        values = {k: data.get(k) for k in keys}
        values["symbol"] = (values["symbol"] or "").strip()
        if values["date"] == parsed.meeting.date and not values["confirm_date"]:
            values.pop("date")
        return values


def sign_pending(pending: list[dict]) -> str:
    """Sign the review page's pending corrections for its hidden field."""
    return signing.dumps(pending, salt=PENDING_SALT) if pending else ""


def sign_basis(basis: str) -> str:
    """Sign the reviewed state of a release for the review form's hidden field."""
    return signing.dumps(basis, salt=BASIS_SALT)


def initial_review(token: str, metadata: ReleaseMetadata) -> dict:
    """The review form's initial values: the parse's metadata (token: the signed upload)."""
    return {
        "payload": token,
        "symbol": metadata.symbol,
        "date": metadata.date,
        "confirm_date": False,
        "body": metadata.body,
        "session": metadata.session,
        "meetings": ", ".join(str(n) for n in metadata.meetings),
        "part": metadata.part,
        "source_url": metadata.source_url,
        "headline": metadata.headline,
    }


ReviewFormSet = forms.formset_factory(ReviewForm, extra=0, max_num=200, validate_max=True)
