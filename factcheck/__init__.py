"""factcheck: check every figure in a document against public reference data."""

__version__ = "0.1.0"
