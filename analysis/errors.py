"""The package's one error type and its warnings."""


class CorpusError(ValueError):
    """Bad input: a corpus folder, article file or metadata file that cannot be used as it is.

    The message names the file (and row or byte where it helps) and says what to do.
    """


class CorpusWarning(UserWarning):
    """Something in a corpus folder the loader does not read or had to guess; the message says what."""


class MetadataWarning(CorpusWarning):
    """Articles loaded without a metadata row; their fields were inferred from the text."""
