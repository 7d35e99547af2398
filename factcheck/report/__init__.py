"""Output formats: each turns a :class:`~factcheck.models.Report` into text."""
