"""factcheck: check every figure in a document against public reference data."""

__version__ = "0.2.0"
