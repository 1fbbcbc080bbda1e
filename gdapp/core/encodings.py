"""Which text encoding a CSV file is in: :func:`decode_text`.

The rule, in order:

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32: Excel's "Unicode Text" and "CSV UTF-8");
2. UTF-16 without one, recognised by NUL in nearly every other byte (``iconv -t UTF-16LE``);
3. the first of :data:`FALLBACK_ENCODINGS` that decodes every byte strictly: UTF-8, then
   CP949 (Korean Windows: what Korean Excel saves as "CSV", a superset of EUC-KR), then
   Windows-1252 (Western Windows Excel).

UTF-8 comes first because text in CP949 or Windows-1252 is almost never valid UTF-8; CP949
before Windows-1252 because Windows-1252 decodes nearly any bytes (Korean text read as it
comes out as "°øºÎ" for "공부"). A detector was tried first: charset-normalizer took short
CP949 files ("키,몸무게" and a few numbers) for Big5, and a data file is short in exactly the
place that matters, its header. A Western file can still pass as CP949 ("°C" is a valid CP949 pair):
the notice (:func:`gdapp.core.data.encoding_note`) says which encoding was used, so a wrong
guess shows.
"""

from __future__ import annotations

from gdapp.core.messages import Message

#: Byte-order marks of "Unicode text" exports (UTF-32's first: they begin like UTF-16's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

#: Encodings tried in turn on a file without a byte-order mark (see the module docstring).
FALLBACK_ENCODINGS = ("utf-8-sig", "cp949", "cp1252")

#: How the notices name an encoding.
ENCODING_NAMES = {
    "cp949": "CP949 (Korean Windows, EUC-KR)", "cp1252": "Windows-1252 (Western European)",
    "utf-16": "UTF-16", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
    "utf-32": "UTF-32",
}


class UndecodableText(ValueError):
    """The bytes are in none of the encodings of the rule; the message, which follows the
    file's name, says why ("is not a text (CSV) file", …)."""


def decode_text(raw: bytes) -> tuple[str, str]:
    """The text of a CSV file's bytes and the encoding it was read in.

    Returns
    -------
    (text, encoding)
        ``encoding`` is ``"utf-8"`` (with or without BOM), ``"utf-16"``, ``"utf-16-le"``,
        ``"utf-16-be"``, ``"utf-32"``, ``"cp949"`` or ``"cp1252"``.

    Raises
    ------
    UndecodableText
        For bytes none of the rule's encodings reads, or that hold NUL bytes (binary files).
    """
    codec = next((c for bom, c in _BOMS if raw.startswith(bom)), None) or _utf16_codec(raw)
    if codec is not None:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            raise UndecodableText(Message("looks like {codec} text but cannot be read as "
                                          "it; save it as UTF-8 CSV", codec=codec.upper())
                                  ) from None
        if "\x00" not in text[:4096]:
            return text.removeprefix("\ufeff"), codec
    if b"\x00" in raw[:4096]:
        raise UndecodableText(Message("is not a text (CSV) file"))
    for encoding in FALLBACK_ENCODINGS:
        try:
            return raw.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
        except UnicodeDecodeError:
            continue
    raise UndecodableText(Message("cannot be read as text: it is not UTF-8, UTF-16, CP949 "
                                  "(Korean) or Windows-1252; save it from the spreadsheet "
                                  'program as "CSV UTF-8" and import it again'))


def _utf16_codec(raw: bytes) -> str | None:
    """UTF-16 without a BOM: NUL in (nearly) every other byte and never in the others."""
    head = raw[: min(len(raw), 4096) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    for codec, nul, text in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(head) >= 4 and b"\x00" not in text and nul.count(0) >= 0.9 * len(nul):
            return codec
    return None
