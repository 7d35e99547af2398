"""Words that are never a name, shared by the readers that look for names (core.lexicon) and places (core.places).

Kept apart from both so that neither imports the other for a word list.
"""

from __future__ import annotations

# Capitalised words that start sentences and clauses, never part of a name.
SENTENCE_WORDS = frozenset(
    "the a an in on at as of for by from to with and or but if when while since during after before "
    "according meanwhile also however overall today yesterday this that these those it its their there "
    "they we he she i you our his her them us one some many most all each every such both both neither either "
    "other another several few here now then thus still yet so moreover furthermore indeed instead "
    "population gdp inflation life".split()
)

# Months, full and abbreviated, lower-cased: a capitalised month is no name.
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
