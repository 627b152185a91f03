"""The package's one error type and its one warning type."""


class CorpusError(ValueError):
    """Bad input: a corpus folder, article file or metadata file that cannot be used as it is.

    The message names the file (and row or byte where it helps) and says what to do.
    """


class MetadataWarning(UserWarning):
    """An article loaded without a metadata row; its fields were inferred from the text."""
