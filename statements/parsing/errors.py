"""The parser's one domain exception and its refusal subclass."""

from __future__ import annotations


class ParseError(ValueError):
    """A press release could not be parsed; the message says what went wrong and where."""

    def __init__(
        self, message: str, *, line: int | None = None, paragraph: int | None = None
    ) -> None:
        """Keep the message and its location (a 1-based line or paragraph number)."""
        self.message = message
        self.line = line
        self.paragraph = paragraph
        super().__init__(self._describe())

    def _describe(self) -> str:
        """Return the message with its location appended."""
        if self.line is not None:
            return f"{self.message} (line {self.line})"
        if self.paragraph is not None:
            return f"{self.message} (paragraph {self.paragraph})"
        return self.message


class NotAPressRelease(ParseError):
    """The input is not a press release at all (empty, binary, PDF, unrelated page ...)."""
