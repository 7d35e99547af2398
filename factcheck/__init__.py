"""factcheck: check every figure in a document against public reference data."""

__version__ = "0.2.0"
# The json report's schema (its history in factcheck.models, which defines it): here, so that writing a
# report does not import the models and pydantic's construction of them (issue 19, point 5).
SCHEMA_VERSION = "2.1"
