"""The pure core: plain data in, plain data out; no I/O, no printing, deterministic.

Two rooms, and what passes between them is a :class:`~factcheck.core.model.Claim`:

**Reading** (a document's text in, claims out). ``document`` and ``markup`` cut the text into
sentences (``marks`` blanks footnote marks in place, ``frontmatter`` reads a document's metadata);
each sentence is annotated once (``annotated``): its tokens (``tokens``), then the spans each reader
adds to them: figures (``quantities``; ranks by a measure and multipliers, ``relative``), names (``lexicon``, ``entities``, ``places``), measure labels
(``lexicon``, ``measures``), periods (``periods``), enumerations and statements (``members``), the
noun and verb of a figure (``context``). Attachment (``attach``, driven by ``claims``) reads those
spans to give each figure its subject, measure and period. A figure's role and the certainty of its
reading (``roles``, ``certainty``) are read on demand, for the figures a source could compare.

**Judging** (a claim and records in, a verdict out). ``matching`` finds the measure and records and
decides, with ``compare`` (intervals, rounding, qualifiers) and ``membership``; ``reasons`` and
``findings`` are the one catalogue every output format reads; ``suppressions`` applies inline
comments; ``checkworthiness`` scores sentences for the reviewer.

``model`` holds the plain data both rooms share.
"""
