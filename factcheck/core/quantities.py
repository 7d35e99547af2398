"""Find the quantities a sentence states: a finite-state pass, no backtracking.

Digits ("96,700", "40.29 million", "£13.2bn"), spelled-out numbers ("two",
"twenty-nine"), scales, currencies, percentages, ranges and qualifiers.
Years, dates, times, ordinals and identifiers ("Covid-19", "No. 5") are context,
not quantities, except an ordinal ranking by a measure and a multiplier ("the 21st
most populous", "doubled": core.relative). Every pattern here is anchored at a number, or at a fixed
position beside one, and none nests quantifiers, so the pass is linear in the
text: quantulum3 managed about 210 sentences/s on these machines, this pass
aims at 20,000 or more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .lazy import lazy
from .model import Qualifier, Quantity
from .comparative import comparisons, extremes, series_extremes
from .relative import MULTIPLIER_PRECISION, WORD_MULTIPLE_PRECISION, multipliers, ranks

_SPACES = re.compile(r"\s+")  # compiled once: re.sub with a pattern string looks it up in re's cache every call

# Thousands grouped by commas, or by a space, NBSP, thin or narrow space ("4 440 000", SI style);
# by a comma and a space when two or more groups of three follow a group of one or two digits, or a
# group of three is followed by one starting with 0, and no list goes on ("4, 512, 310", "310, 000, 000";
# "4, 5 and 6", "120, 250, 400" and "12, 250, 400 and 500" are lists); by dots when two or more groups of three
# follow ("1.234.567": a decimal has one dot); a trailing vulgar fraction ("96½ thousand", "3¼ million").
# (?=\d) first: every other position fails at once, before the look-behind is tried.
_DIGITS = re.compile(
    r"(?=\d)(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+,\d+(?![\d,.]\d)"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]\d)(?:\.\d+)?"
    r"|(?<!,[ ])(?:\d{1,2}(?:,[ ]\d{3}){2,}|\d{3}(?:,[ ]\d{3})*,[ ]0\d\d(?:,[ ]\d{3})*)(?![\d.]|,[ ]?\d|,?[ \t]+(?:and|or)[ \t]+\d)"
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d]|[.,]\d)"
    r"|\d+(?:\.\d+)?)(?!\d)([\u00bd\u00bc\u00be\u2153\u2154\u215b]?)"
)
_GROUP_SPACES = str.maketrans("", "", ", \u00a0\u2009\u202f")
# Grouped by a no-break, thin or narrow space (SI style, "1\u202f234,5"), a comma is the decimal sign.
_SI_GROUPED = re.compile(r"\d[\u00a0\u2009\u202f]\d{3}.*,\d")
# A power of ten after a figure: "6.78\u00d710\u2077", "6.78 \u00d7 10^7".
_POWER = re.compile(r"[ \u00a0\u202f]?\u00d7[ \u00a0\u202f]?10(?:([\u207b]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,2})|\^([-\u2212]?\d{1,2}))(?![\d\u2070\u00b9\u00b2\u00b3\u2074-\u2079])")
_SUPERSCRIPTS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b\u2212", "0123456789--")
_VULGAR = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3, "\u215b": 0.125}
# A sign before a number: "-0.8%", "\u221296,700", "minus 3", "negative 0.2%".
_SIGN_TAIL = re.compile(r"[-\u2212](?=$|[\s(\[:=,~])|[ \t]+(?:sunim|evitagen)(?![A-Za-z])", re.I)
# Chinese large-number characters after digits: 万 ten thousand, 亿 a hundred million.
_CJK_SCALE = {"\u4e07": 1e4, "\u4ebf": 1e8, "\u5343": 1e3, "\u767e": 1e2}

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORD_VALUES = {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_NW = "|".join(sorted(list(_WORD_VALUES) + list(_SCALES), key=len, reverse=True))
_WORDS = re.compile(
    rf"\b(?:{_NW})(?:(?:-|[ \t]+|(?<=hundred)[ \t]+and[ \t]+|(?<=thousand)[ \t]+and[ \t]+)(?:{_NW}))*\b",
    re.I,
)

# "83.2\u00a0billion"; South Asia's "121 crore" (10^7), "2.5 lakh" (10^5), "3 lakh crore" (10^12): a page of Indian
# English had read "121 crore" as 121 of something
_SCALE_WORD = re.compile(r"(?:[ \t\u00a0\u2009\u202f]+|-(?=[a-z]))(thousand|million|billion|trillion|bn|mn|tn|lakh[ \t]+crores?|lakhs?|lacs?|"
                         r"crores?)\b", re.I)  # "a country of 30-million people" too
_SCALE_SUFFIX = re.compile(r"(million|billion|trillion|bn|tn|trn|mn|m|k)\b", re.I)  # "6.7million" typed without its space too
_SCALE_VALUES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "lakh crore": 1e12, "lakh crores": 1e12,
}
_PERCENT = re.compile(r"[ \t\u00a0\u202f]?%|[ \t]+(?:percent|per[ \t]+cent)\b(?:[ \t]+points?\b)?|[ \t]+percentage[ \t]+points?\b", re.I)
_CURRENCY_AFTER = re.compile(
    r"[ \t]+(U\.?S\.?[ \t]+dollars?|dollars?|euros?|pounds?(?:[ \t]+sterling)?|yuan|renminbi|yen|rupees?|francs?|USD|EUR|GBP|RMB|CNY|JPY)\b",
    re.I,
)
_CURRENCY_CODES = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "us dollar": "USD", "us dollars": "USD",
    "u.s. dollar": "USD", "u.s. dollars": "USD", "u.s dollars": "USD", "us. dollars": "USD",
    "dollar": "USD", "dollars": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD",
    "€": "EUR", "\u20b9": "INR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP",
    "pound": "GBP", "pounds": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP",
    "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "jpy": "JPY", "yen": "JPY",
    "chf": "CHF", "franc": "CHF", "francs": "CHF", "inr": "INR", "rupee": "INR", "rupees": "INR",
}

_QUALIFIER_KIND = {
    "more than": Qualifier.MORE_THAN, "over": Qualifier.MORE_THAN, "exceeding": Qualifier.MORE_THAN,
    "exceeded": Qualifier.MORE_THAN, "exceeds": Qualifier.MORE_THAN, "above": Qualifier.MORE_THAN,
    "in excess of": Qualifier.MORE_THAN,
    "at least": Qualifier.AT_LEAST, "no fewer than": Qualifier.AT_LEAST, "no less than": Qualifier.AT_LEAST,
    "not less than": Qualifier.AT_LEAST, "a minimum of": Qualifier.AT_LEAST,
    "under": Qualifier.LESS_THAN, "fewer than": Qualifier.LESS_THAN, "less than": Qualifier.LESS_THAN,
    "below": Qualifier.LESS_THAN,
    "up to": Qualifier.AT_MOST, "no more than": Qualifier.AT_MOST, "not more than": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST, "a maximum of": Qualifier.AT_MOST,
}

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(_MONTHS)})\b", re.I)
_ORDINAL_OR_ID_AFTER = re.compile(r"(?:st|nd|rd|th)\b|[A-Za-z_]|:\d|/\d|\.\d")
# After a number and a space: a time of day ("7 p.m.", "5 PM", "6 o'clock") or an era ("1200 BC", "820 CE", "79 AD").
_TIME_OR_ERA_AFTER = re.compile(r" (?:[ap]\.m\.|[AaPp][Mm]\b|(?:BCE?|CE|AD|B\.C\.(?:E\.)?|A\.D\.)(?![A-Za-z])|o['\u2019]clock\b)")
_TIME_OR_ERA_FIRST = frozenset("apAPBCo")
_OUT_OF = re.compile(r"[ \t]+out[ \t]+of[ \t]+(\d{1,3}(?:,\d{3})*|ten|five|four|three|two|twenty|hundred)\b", re.I)
_FRACTION = re.compile(r"[- \t](halves|half|thirds?|quarters?|fifths?|tenths?)\b", re.I)
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}
_RANGE_DASH = re.compile(r"[ \t]?[-\u2013\u2014][ \t]?")
_RANGE_TO = re.compile(r"[ \t]+(?:to|and)[ \t]+")


_CURRENCY_NOISE = re.compile(r"\((.*?)\)|\b(?:current|constant|nominal|real|\d{4}|prices?|international|ppp|in|of)\b|[.,]", re.I)


def currency_code(text: str | None) -> str | None:
    """The ISO code a unit names: 'USD', 'US$', 'US dollars', 'current US$', 'U.S. dollars' are all USD."""
    if not text:
        return None
    raw = text.strip()
    if raw.upper() in _ISO_CURRENCIES:
        return raw.upper()
    inner = re.findall(r"\(([^)]*)\)", raw)
    for candidate in [raw, *inner]:
        cleaned = " ".join(_CURRENCY_NOISE.sub(" ", candidate.lower().replace("u.s.", "us")).split())
        code = _CURRENCY_CODES.get(cleaned) or _CURRENCY_CODES.get(cleaned.replace(" ", ""))
        if code:
            return code
    return None


_ISO_CURRENCIES = frozenset("USD EUR GBP CNY JPY CHF AUD CAD HKD SGD INR".split())


class _Tail:
    """Phrases that end where a number starts, matched right to left.

    The text before a number is reversed and matched at its start, so each test
    is one anchored match instead of a search over the whole left context
    (``re.search(... $)`` tries every position: it cost 10x more here).
    """

    def __init__(self, phrases: list[str], gap: str, flags: int = 0) -> None:
        words = sorted({p[::-1] for p in phrases}, key=len, reverse=True)
        alternation = "|".join(re.escape(w).replace("\\ ", " ").replace(" ", "[ \\t]+") for w in words)
        self._pattern = re.compile(rf"{gap}(?P<p>{alternation})(?![A-Za-z0-9_])", flags)

    def match(self, reversed_left: str) -> tuple[str, int] | None:
        """The phrase (as written) and how many characters it and its gap take."""
        m = self._pattern.match(reversed_left)
        return (m.group("p")[::-1], m.end()) if m else None


def _dotted(words: list[str]) -> list[str]:
    return words + [w + "." for w in words]


_QUALIFIER_TAIL = _Tail(
    list(_QUALIFIER_KIND) + "about around roughly some nearly almost approximately approx. circa".split()
    + ["close to", "an estimated"],
    gap="[ \t]+",
    flags=re.I,
)
_TILDE_TAIL = _Tail(["~"], gap="[ \t]?")
_CURRENCY_SYMBOL_TAIL = _Tail(["US$", "U.S.$", "A$", "C$", "HK$", "S$", "$", "€", "£", "\u20b9"], gap="[ \t]?")  # ₹: India's rupee
_CURRENCY_CODE_TAIL = _Tail("USD EUR GBP RMB CNY JPY CHF INR".split(), gap="[ \t]?")
_MONTH_WORDS = frozenset(w.lower() for w in _dotted(_MONTHS))  # the month before a number ("July 20", "Jan. 5"), a word_before
_ID_WORDS = frozenset(
    _dotted(
        "no nos art article section sec chapter ch resolution page pp p fig figure table version v item rule "
        "paragraph para annex appendix phase level grade step act law code number room route flight form id "
        "pages sections chapters tables figures figs articles paragraphs vol vols volume volumes issue issues box "
        "footnote footnotes note notes line lines column columns clause clauses exhibit chart map part release build "
        "rev revision versions tel telephone phone fax isbn issn oclc pmid doi iso iec din ansi ieee rfc itu astm".split()
    )
)
_WORD_BEFORE = re.compile(r"[ \t]+([A-Za-z.]+)")  # reversed: the word before a number, with a trailing dot


class _WordTail:
    """One word before a number, looked up in a set: a single match and a lookup, however many the words."""

    def __init__(self, words: frozenset[str]) -> None:
        self._words = frozenset(w[::-1].lower() for w in words)

    def match(self, reversed_left: str) -> bool:
        m = _WORD_BEFORE.match(reversed_left)
        return m is not None and m.group(1).lower() in self._words


_ID_TAIL = _WordTail(_ID_WORDS)
_SCHEMES = frozenset(w.lower() for w in _ID_WORDS) | frozenset("arxiv urn pmcid http https ftp mailto ref ext eq isni orcid category "
                                                                "file image template".split())
_WORD_BEFORE_COLON = re.compile(r":([A-Za-z][A-Za-z.]*)")  # reversed: the word right before "word:123"


def _scheme_before(rleft: str) -> bool:
    """Whether the word glued to a number by a colon names an identifier's scheme or a markup key ("doi:10.1038",
    "ISBN:978", "arXiv:1706", "Category:1990", "width:300") rather than labels the figure as a fact sheet does
    ("Population:7.6 million"): a label begins with a capital; from the reversed text before the number."""
    m = _WORD_BEFORE_COLON.match(rleft)
    if m is None:
        return True
    word = m.group(1)[::-1]
    return not word[0].isupper() or word.lower().rstrip(".") in _SCHEMES
# The one word right before a number, read once a number and looked up in sets by the tests below that take one word
# (a _Tail each cost a regular-expression match per number: ~9 a number). A dot after it is kept ("Jan.", "c.").
_WORD_BEFORE_NUMBER = re.compile(r"[ \t]+(\.?[A-Za-z]+)(?![A-Za-z0-9_])")


_NO_WORD = ("", 0)


def word_before(rleft: str) -> tuple[str, int]:
    """The word that ends where a number starts, from the reversed text before the number: as written, lower-cased
    ("" if none), and how many characters it and its gap take (a plain tuple: one is made for every number)."""
    m = _WORD_BEFORE_NUMBER.match(rleft)
    return (m.group(1)[::-1].lower(), m.end()) if m else _NO_WORD


_YEAR_WORDS = frozenset(
    "in since by from until till to through between and during before after of year fiscal fy early late mid end the for".split()
)
_BETWEEN_TAIL = _Tail(["between"], gap="[ \t]+", flags=re.I)


def _currency_before(rleft: str) -> tuple[str, int] | None:
    return _CURRENCY_SYMBOL_TAIL.match(rleft) or _CURRENCY_CODE_TAIL.match(rleft)


def _qualifier_before(rleft: str) -> tuple[str, int] | None:
    return _QUALIFIER_TAIL.match(rleft) or _TILDE_TAIL.match(rleft)


_NEXT_WORD = lazy(r"[ \t]+([A-Za-z]+)")
_FUNCTION_WORDS = frozenset(
    "the a an and or of in on at to for by from with as is are was were be been has have had it its "
    "this that these those which who when where while but than then so not no".split()
)


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention, not frozen for speed (core.model)
class Mention:
    """A quantity in a sentence: offsets relative to the sentence text."""

    start: int  # includes the qualifier and currency sign
    end: int  # includes the scale word, percent sign and currency word
    quantity: Quantity
    ranks: str | None = None  # a rank by this measure ("the 21st most populous": "population"), core.relative
    said: tuple[int, int] | None = None  # where a superlative or comparison names that measure, when not after the figure
    other: tuple[int, int] | None = None  # a comparison between subjects: where the other is named (core.comparative)


def find_quantities(text: str) -> list[Mention]:
    """All quantity mentions of a sentence, in order of position."""
    found: list[Mention] = []
    taken_until = -1
    for m in _DIGITS.finditer(text):
        if m.start() < taken_until:
            continue
        s0, e0 = m.span()
        run = _not_a_figure_run(text, s0) if text[s0] == "0" or text[e0:e0 + 1] in _CODE_NEXT or text[s0 - 1:s0] in _CODE_BEFORE \
            or text.startswith(" \u00b0", e0) else 0  # the common case decided without a call
        if run:
            taken_until = run  # a phone number, an ISBN or a date in digits, coordinates: none of its digits is a figure
            continue
        mention = _digit_mention(text, m)
        if mention is not None:
            found.append(mention)
            taken_until = mention.end
        else:
            # the other end of a range whose first number is no figure ("aged 15-64", "2010-2015") is none either
            rm = _RANGE_DASH.match(text, m.end()) or _RANGE_TO.match(text, m.end())
            if rm is not None and rm.group().strip() == "and" and not _BETWEEN_TAIL.match(text[max(0, m.start() - 12):m.start()][::-1]):
                rm = None  # "in 2010 and 4.1 million in 2020": "and" makes a range only after "between"
            hm = _DIGITS.match(text, rm.end()) if rm is not None else None
            if hm is not None and (not hm.group(1).isdigit() or _SCALE_WORD.match(text, hm.end()) or _PERCENT.match(text, hm.end())):
                hm = None  # "from 15.1 million in 2002 to 17.6 million in 2017": a figure, not the other end of a range of years
            if hm is not None:
                taken_until = hm.end()
    if len(found) > 1 and _COMPOUND_HINT.search(text):
        found = _compounds(text, found)
    low = text.lower()  # once a sentence, for the number-word test and every relative reader
    if _has_number_word(low):
        for m in _WORDS.finditer(text):
            mention = _word_mention(text, m)
            if mention is not None and not any(f.start < mention.end and mention.start < f.end for f in found):
                found.append(mention)
        found.sort(key=lambda x: x.start)
    relative = _relative(text, low)
    if relative:  # "grew four-fold": the multiplier, not "four"; "three times larger than": the comparison
        relative = [r for i, r in enumerate(relative) if not any(o.start < r.end and r.start < o.end for o in relative[:i])]
        found = sorted([f for f in found if not any(r.start < f.end and f.start < r.end for r in relative)] + relative,
                       key=lambda x: x.start)
    return found


_SCALE_STEPS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_COMPOUND_HINT = re.compile(r"(?:illion|thousand)[ \u00a0]\d", re.I)  # a scale word, then a number: the only place a compound can be


def _compounds(text: str, found: list[Mention]) -> list[Mention]:
    """A number said in pieces is one figure: "9 million 604 thousand" is 9,604,000, "80 million 810 thousand 525"
    80,810,525 (each piece smaller than the step of the one before; a real page's "9 million" had been compared
    alone with Hungary's 9.6 million)."""
    out: list[Mention] = []
    for m in found:
        last = out[-1] if out else None
        step = _SCALE_STEPS.get(last.quantity.text.rsplit(None, 1)[-1].lower(), 0.0) if last is not None else 0.0
        q = m.quantity
        if last is not None and step and text[last.end:m.start] in (" ", "\u00a0") and q.qualifier is Qualifier.EXACT \
                and 0 < q.value < step and q.unit is None and last.quantity.unit is None and q.value_high is None \
                and last.quantity.value_high is None and (q.currency is None or last.quantity.currency in (None, q.currency)):
            lq = last.quantity
            merged = replace(lq, value=lq.value + q.value, text=lq.text + text[last.end:m.end], precision=q.precision,
                             currency=lq.currency or q.currency)
            out[-1] = replace(last, end=m.end, quantity=merged)
            continue
        out.append(m)
    return out


def _relative(text: str, low: str) -> list[Mention]:
    """Ranks by a measure and multipliers (core.relative), as mentions: 'the 21st most populous', 'nearly tripled'.

    ``low`` is the sentence lower-cased, made once for every reader below."""
    out = [Mention(r.start, r.end, Quantity(r.value, text[r.start:r.end], None, None, Qualifier.EXACT, None, 0.5), r.measure)
           for r in ranks(text)]
    for r in multipliers(text, low):
        start, qualifier, said = r.start, Qualifier.EXACT, None
        qm = _qualifier_before(text[max(0, start - 40):start][::-1])
        if qm is not None:
            said = _SPACES.sub(" ", qm[0].lower())
            qualifier, start = _QUALIFIER_KIND.get(said, Qualifier.APPROXIMATELY), start - qm[1]
        change = "decrease" if r.value < 1 else "increase"
        precision = r.value * MULTIPLIER_PRECISION
        if r.value >= 2 and not any(ch.isdigit() for ch in text[r.start:r.end]):
            precision = r.value * WORD_MULTIPLE_PRECISION  # "doubled" of ×2.28 is how writers round it; of ×1.6 it is not
        out.append(Mention(start, r.end, Quantity(r.value, text[r.start:r.end], "\u00d7", None, qualifier, said,
                                                  precision, change=change)))
    return out + _compared(text, low)


def _compared(text: str, low: str) -> list[Mention]:
    """Comparisons with another subject and superlatives without an ordinal (core.comparative): 'twice as many people as
    Portugal', 'larger than Spain', 'the most populous country', 'its highest level since 1990'.

    A ratio keeps the multipliers' precision (±10%, "about" widens it); "larger than" is a ratio above 1, "smaller than"
    below 1; an extreme is rank 1 (ties said by the judge).
    """
    out: list[Mention] = []
    for c in comparisons(text, low):
        start, qualifier, said = c.start, Qualifier.EXACT, None
        qm = _qualifier_before(text[max(0, start - 40):start][::-1])
        if qm is not None and c.bound == 0:
            said = _SPACES.sub(" ", qm[0].lower())
            qualifier, start = _QUALIFIER_KIND.get(said, Qualifier.APPROXIMATELY), start - qm[1]
        if c.bound:
            qualifier, precision = (Qualifier.MORE_THAN if c.bound > 0 else Qualifier.LESS_THAN), 0.0
        else:
            precision = c.value * MULTIPLIER_PRECISION
        out.append(Mention(start, c.end, Quantity(c.value, text[c.start:c.end], "\u00d7", None, qualifier, said, precision,
                                                  value_high=c.high), c.measure, None, c.other))
    for e in extremes(text, low):
        out.append(Mention(e.start, e.end, Quantity(1.0, text[e.start:e.end], None, None, Qualifier.EXACT, None, 0.5), e.measure,
                           e.said or (e.start, e.end)))
    for e in series_extremes(text, low):
        out.append(Mention(e.start, e.end, Quantity(1.0, text[e.start:e.end], None, None, Qualifier.EXACT, None, 0.5)))
    return out


# Runs of digits that are one code, matched where a number starts: hyphen chains ("978-3-16-148410-0",
# "2019-07-20", "555-123-4567"), phone numbers ("+44 20 7946 0958", "(555) 123 4567", "020 7946 0958"),
# coordinates ("41°54′N", "12.5° S").
_CODE_RUN = lazy(
    r"\d+(?:[-\u2010\u2011]\d+){2,}X?(?![\w-])"
    r"|0\d{1,4}[ .\-]\d{3,4}[ .\-]?\d{3,4}(?!\d)"
    r"|\d{1,3}(?:\.\d+)?[ \t]?\u00b0(?:[ \t]?\d{1,2}(?:\.\d+)?[\u2032'])?(?:[ \t]?\d{1,2}(?:\.\d+)?(?:[\u2033\"]|[\u2032']{2}))?[ \t]?[NSEW](?![A-Za-z])"
)
_PHONE_AFTER_PLUS = lazy(r"\d{1,3}(?:[ .\-\u00a0]\(?\d{1,4}\)?){2,5}(?!\d)")
_PHONE_AFTER_BRACKET = lazy(r"\d{2,4}\)[ \u00a0]?\d{3,4}[ .\-]\d{3,4}(?!\d)")


def _not_a_figure_run(text: str, start: int) -> int:
    """The end of the code that starts at ``start`` (0 if none): one anchored match, no search."""
    before = text[start - 1:start]
    if before == "+":
        m = _PHONE_AFTER_PLUS.match(text, start)
    elif before == "(":
        m = _PHONE_AFTER_BRACKET.match(text, start)
    else:
        m = _CODE_RUN.match(text, start)
    return m.end() if m else 0


_CODE_NEXT = frozenset("-\u2010\u2011\u00b0")
_CODE_BEFORE = frozenset("+(")


_MAX_DIGITS = 18
_LETTERS = re.compile(r"[a-z]+")
# A run of scale words alone ("millions of") is no figure, so only these start one.
_NUMBER_WORD_SET = frozenset(_WORD_VALUES) | {"hundred", "thousand"}


def _has_number_word(low: str) -> bool:
    """A cheap pre-check on the lower-cased sentence: set operations run in C, ~10x faster than the word regex."""
    return not _NUMBER_WORD_SET.isdisjoint(_LETTERS.findall(low))


def _digit_mention(text: str, m: re.Match[str]) -> Mention | None:
    start, end = m.span()
    raw = m.group(1)
    if len(raw) > _MAX_DIGITS + 6:
        return None  # a run of 20 digits is an identifier or noise, not a figure
    left = text[max(0, start - 40):start][::-1]
    before = word_before(left)
    word = before[0]
    if _is_context_number(text, start, end, raw, left, word) or _not_a_plain_figure(text, end, left, word):
        return None
    if text[end:end + 1] in _CJK_SCALE:
        return _cjk(text, start, end, raw, left)
    if "\u4e00" <= text[end:end + 1] <= "\u9fff":
        return None  # another Chinese character: a unit or word this reader does not know; never read as the bare number
    if text[end:end + 1] == "," and (dm := _DECIMAL_COMMA.match(text, end)) is not None and len(raw) <= 3 and raw.isdigit():
        if not (_SCALE_WORD.match(text, dm.end()) or _PERCENT.match(text, dm.end())):
            return None  # "2,5 and 7": a list or a decimal comma, the text cannot say: no claim rather than a guess
        raw, end = f"{raw}.{dm.group(1)}", dm.end()  # "37,9 million", "4,6%": a decimal comma, as much of Europe writes it
    value, precision, end, scale_text = _scaled(text, raw, end, _VULGAR.get(m.group(2), 0.0))
    if value is None:
        return None
    if scale_text is None and raw[-4:-3] == "." and _DOT_OR_DECIMAL.fullmatch(raw) and not _PERCENT.match(text, end):
        return None  # "1.234" is 1,234 in much of Europe and 1.234 here: no claim rather than a guess
    return _finish(text, start, end, value, precision, left, scale_text, before=before)


# A comma and one or two digits after a number of at most three: not a thousands separator ("37,9 million").
_DECIMAL_COMMA = re.compile(r",(\d{1,2})(?![\d,.])")
# One dot before exactly three digits: a thousands separator or a decimal point, the text cannot say.
_DOT_OR_DECIMAL = lazy(r"[1-9]\d{0,2}\.\d{3}")


def _cjk(text: str, start: int, end: int, raw: str, left: str) -> Mention | None:
    """'706亿' is 70.6 billion, '3万' thirty thousand; '万亿' a trillion."""
    scale = _CJK_SCALE[text[end]]
    stop = end + 1
    if text[stop:stop + 1] == "\u4ebf" and scale == 1e4:
        scale, stop = 1e12, stop + 1
    value, precision, _, _ = _scaled(text, raw, end)
    if value is None:
        return None
    return _finish(text, start, stop, value * scale, precision * scale, left, text[end:stop])


# Before a number: it names a category or a rank, not a quantity ("aged 15-64", "top 5", "ranked 3").
_CATEGORY_WORDS = frozenset(["aged", "ages", "age", "aging", "top", "bottom", "ranked", "ranks", "rank", "ranking"])
# After a number: a difference or a ratio between two quantities, not a level ("7 million fewer ... than", "seven times").
_COMPARATIVE_AFTER = re.compile(
    r"(?:[ \t]+(?:thousand|million|billion|trillion|bn|m))?(?:[ \t]+|[ \t]*-(?=fold))(?:times|fold|more|fewer|less|greater|larger|smaller|higher|lower)\b"
    r"(?![ \t]+(?:than|of)[ \t]+\d)", re.I)


def _not_a_plain_figure(text: str, end: int, left: str, word: str) -> bool:
    """Categories ("aged 15", "firms with 10 to 19 employees", "under 15"), ranks ("top 5") and comparisons ("7 million fewer than");
    ``word`` is the word before the number (word_before)."""
    if word in _CATEGORY_WORDS:
        return True
    if word in _AGE_BOUND_WORDS and _AGE_AFTER.match(text, end):
        digits = re.search(r"\d+$", text[max(0, end - 3):end])
        if digits and int(digits.group()) <= 120:
            return True  # "was under 15 in 2015", "over 65": an age bound, not a quantity
    cm = _COMPARATIVE_AFTER.match(text, end)
    if cm is not None and (cm.group().lower().strip().endswith(("times", "fold")) or " than " in text[end:end + 80]):
        return True
    if word in _WITH_WORDS and (_RANGE_TO.match(text, end) or _RANGE_DASH.match(text, end)):
        return True  # "companies with 10 to 19 employees": a size class
    return False


_WITH_WORDS = frozenset(["with", "having", "employing"])
_AGE_BOUND_WORDS = frozenset(["under", "over", "above", "below"])
_AGE_AFTER = re.compile(r"(?:[ \t]+(?:years?(?:[ \t]+old)?|and[ \t]+(?:over|older|above|under|younger)))?(?:$|[ \t]*[.,;)]|[ \t]+(?:in|at|on|by|during|were|was|are|is)\b)", re.I)


def _is_context_number(text: str, start: int, end: int, raw: str, left: str, word: str) -> bool:
    """Years, dates, times, ordinals, identifiers and list numbering; ``word`` is the word before the number (word_before)."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True  # "Covid-19", "SARS-CoV-2"
    if start >= 1 and text[start - 1].isalpha():
        return True
    if start >= 2 and text[start - 1] in ":/":
        if text[start - 2].isdigit():
            return True  # "10:30", "3/4"
        if text[start - 1] == ":" and text[start - 2].isalpha() and _scheme_before(left):
            return True  # "doi:10.1038", "ISBN:978"; not a label written without its space ("Population:7.6 million")
    after = _ORDINAL_OR_ID_AFTER.match(text, end)
    if after is not None and _SCALE_SUFFIX.match(text, end) is None:
        return True
    if left[:1] == "#" or "\u00a7" in left[:2] or _ID_TAIL.match(left):
        return True  # "#5", "§ 4", "page 12", "ISO 3166"
    if text[end + 1:end + 2] in _TIME_OR_ERA_FIRST and _TIME_OR_ERA_AFTER.match(text, end):
        return True  # "7 p.m.", "6 o'clock", "1200 BC" ("9am", "7pm" are letters after the number)
    if left[1:2] in ("D", ".") and _ERA_TAIL.match(left):
        return True  # "AD 800"
    if word in _MONTH_WORDS or _MONTH_AFTER.match(text, end):
        return True
    if start == 0 and text[end:end + 2] in (". ", ") "):
        return True  # list numbering
    if word in _BASE_YEAR_WORDS and len(raw) == 4 and raw.isdigit():
        return True  # "in constant 2015 dollars", "at current 2010 prices": a base year, not an amount
    if word in _YEAR_WORDS and len(raw) in (5, 6) and raw[:4].isdigit() and 1800 <= int(raw[:4]) <= 2099 \
            and (raw.isdigit() or (raw[4] == "." and raw[5:].isdigit())) and text[end:end + 1] in _AFTER_A_MARK \
            and not _SCALE_WORD.match(text, end) and not _PERCENT.match(text, end):
        return True  # "in 20062, the population": a year and its footnote mark run together in text taken from a PDF
    if len(raw) == 4 and raw.isdigit() and 1000 <= int(raw) <= 2100:
        if _DATE_TAIL.match(left):
            return True  # "July 20, 2019"
        if int(raw) >= 1800:
            return _looks_like_year(text, end, left, word)
        return _looks_like_early_year(text, end, left, word)
    return False


def _looks_like_early_year(text: str, end: int, left: str, word: str) -> bool:
    """'in 1750 there were', 'around 1600,', 'c. 1200': a year before 1800 after a word of time, unless things are counted."""
    if word not in _EARLY_YEAR_WORDS or _currency_before(left) or _PERCENT.match(text, end) or _SCALE_WORD.match(text, end):
        return False
    return not _counts_after(text, end)


_ERA_TAIL = _Tail(["AD", "A.D."], gap="[ \t]+")
_DATE_TAIL = _Tail(_dotted(_MONTHS), gap=r"[ \t]*,[ \t]*\d{1,2}(?:ts|dn|dr|ht)?[ \t]+", flags=re.I)
_AFTER_A_MARK = frozenset(("", ",", ".", ";", ":", ")", " ", "\n"))
_BASE_YEAR_WORDS = frozenset(["constant", "current", "real", "chained"])
_EARLY_YEAR_WORDS = frozenset("in since by until till from during before after around circa c. ca. about".split())


def _looks_like_year(text: str, end: int, left: str, word: str) -> bool:
    if _currency_before(left) or _PERCENT.match(text, end) or _SCALE_WORD.match(text, end):
        return False
    if left[:1] in ("-", "\u2013", "\u2014", "'", "(") or word in _YEAR_WORDS:
        return True
    nxt = _NEXT_WORD.match(text, end)
    if nxt and nxt.group(1).lower() in _DATED_NOUNS:
        return True  # "an estimated 2014 population of 10.37 million": the year dates the figure that follows
    if _DETERMINER_TAIL.match(left) or left[:2] in ("s'", "s\u2019"):
        return True  # "its 2014 budget", "France's 2019 census"
    return not (nxt and nxt.group(1).islower() and nxt.group(1) not in _FUNCTION_WORDS)


# Nouns a year commonly modifies ("the 2014 population", "2019 census") when it is not a count of them.
_DATED_NOUNS = frozenset(
    "population populations census censuses estimate estimates budget budgets figure figures data level levels gdp "
    "election elections value values report reports survey surveys edition season rate rates revision vintage "
    "inflation output growth total totals average prices price numbers".split()
)
_DETERMINER_TAIL = _Tail(["an estimated", "estimated", "its", "their", "his", "her", "our", "a", "this", "that"], gap="[ \t]+", flags=re.I)


def _scaled(text: str, raw: str, end: int, fraction: float = 0.0) -> tuple[float | None, float, int, str | None]:
    """Apply a scale word or suffix: returns value, precision and the new end."""
    mantissa = raw.translate(_GROUP_SPACES)
    if "," in raw and _SI_GROUPED.search(raw):
        mantissa = raw.translate(_NO_SPACES).replace(",", ".")  # "1\u202f234,5" is 1234.5
    if mantissa.count(".") > 1:
        mantissa = mantissa.replace(".", "")  # "1.234.567": dots group thousands
    if len(mantissa) > _MAX_DIGITS:
        return None, 0.0, end, None
    try:
        value = float(mantissa) + fraction
    except ValueError:
        return None, 0.0, end, None
    if fraction:
        precision = 0.0625 if fraction in (0.25, 0.75, 0.125) else 1 / 12 if fraction in (1 / 3, 2 / 3) else 0.25
    elif "." in mantissa:
        precision = 0.5 * 10 ** -len(mantissa.split(".")[1])
    else:
        trailing = len(mantissa) - len(mantissa.rstrip("0")) if value else 0
        precision = 0.5 * 10**trailing
    scale_text = None
    sm = _SCALE_SUFFIX.match(text, end) or _SCALE_WORD.match(text, end)
    if sm is not None:
        word = sm.group(1).lower()
        if word == "m" and not (_currency_near(text, end) or _counts_after(text, sm.end())) and _metres_after(text, sm.end()):
            sm = None  # "a 40m tower", "40m high" are metres; "40m people", "$40m", "was 43.8m in 2008" are millions
        if sm is not None:
            scale = _SCALE_VALUES[" ".join(word.split())]
            value, precision, end, scale_text = value * scale, precision * scale, sm.end(), sm.group(1)
    elif text[end:end + 1] in _POWER_FIRST and (pm := _POWER.match(text, end)) is not None:
        factor = 10.0 ** int((pm.group(1) or pm.group(2)).translate(_SUPERSCRIPTS))
        value, precision, end, scale_text = value * factor, precision * factor, pm.end(), pm.group().strip()  # 6.78\u00d710\u2077
    elif text.startswith("(", end) or text.startswith(" (", end):
        bm = _BRACKET_SCALE.match(text, end)
        if bm is not None:  # "52.1 (millions of)", "7,340 (in thousands)": the scale the figure is given in
            scale = _SCALE_VALUES[bm.group(1).lower()[:-1]]
            value, precision, end, scale_text = value * scale, precision * scale, bm.end(), bm.group().strip()
    return value, precision, end, scale_text


def _factor(scale_text: str) -> float:
    """The multiplier a scale as written stands for: a word ("million"), a bracket ("(millions of)") or a power ("\u00d710\u2077")."""
    word = _SCALE_VALUES.get(" ".join(scale_text.lower().split()))
    if word is not None:
        return word
    bm = _BRACKET_SCALE.match(scale_text)
    if bm is not None:
        return _SCALE_VALUES[bm.group(1).lower()[:-1]]
    pm = _POWER.match(scale_text)
    return 10.0 ** int((pm.group(1) or pm.group(2)).translate(_SUPERSCRIPTS)) if pm is not None else 1.0


_NO_SPACES = str.maketrans("", "", " \u00a0\u2009\u202f")
_POWER_FIRST = frozenset(" \u00a0\u202f\u00d7")


_BRACKET_SCALE = lazy(
    r"[ \t]*\((?:in[ \t]+)?(thousands|millions|billions|trillions)(?:[ \t]+of(?:[ \t]+([^()\n]{1,30}?))?)?[ \t]*\)", re.I
)


_PLURAL_AFTER = lazy(r"[ \t]+(?:[a-z]+s|people|children|men|women)\b")


_LENGTH_AFTER = lazy(r"[ \t]*(?:[a-z]+(?<!s)\b|\u00b2|\^|x\b|\u00d7)")
_FUNCTION_AFTER = lazy(r"[ \t]+(?:in|on|at|by|for|and|or|of|as|to|from|with|was|were|is|are|than|per|according)\b")


def _metres_after(text: str, pos: int) -> bool:
    """'40m tower', '40m high', '40m²': a length; '43.8m in 2008', '43.8m.' or '43.8m,': millions."""
    if _FUNCTION_AFTER.match(text, pos):
        return False
    return _LENGTH_AFTER.match(text, pos) is not None


def _counts_after(text: str, pos: int) -> bool:
    return _PLURAL_AFTER.match(text, pos) is not None


def _currency_near(text: str, pos: int) -> bool:
    return _currency_before(text[max(0, pos - 20):pos].rstrip("0123456789.,")[::-1]) is not None


def _word_mention(text: str, m: re.Match[str]) -> Mention | None:
    words = re.split(r"[-\s]+", m.group().lower())
    words = [w for w in words if w != "and"]
    start, end = m.span()
    left = text[max(0, start - 40):start][::-1]
    fm = _FRACTION.match(text, end)
    if fm is not None and len(words) == 1 and words[0] in _WORD_VALUES:
        # "two-thirds of": a share, stated as a percentage
        share = _WORD_VALUES[words[0]] / _DENOMINATORS[fm.group(1).lower()] * 100
        return _finish(text, start, fm.end(), share, 0.5, left, None, unit="%")
    if words == ["one"] or (words and words[0] == "zero"):
        return None  # "one" alone is usually a pronoun ("one of the")
    before = word_before(left)
    word = before[0]
    if _not_a_plain_figure(text, end, left, word):
        return None
    if all(w in _SCALES for w in words):
        return None  # "millions of", "hundreds"
    value = _parse_words(words)
    if value is None:
        return None
    last_scale = next((_SCALES[w] for w in reversed(words) if w in _SCALES and w != "hundred"), 1)
    precision = 0.5 * last_scale
    if _MONTH_AFTER.match(text, end) or word in _MONTH_WORDS:
        return None
    return _finish(text, start, end, float(value), precision, left, None, before=before)


def _parse_words(words: list[str]) -> int | None:
    total = current = 0
    for word in words:
        if word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * int(_SCALES[word])
            current = 0
        else:
            return None
    return total + current


def _finish(
    text: str,
    start: int,
    end: int,
    value: float,
    precision: float,
    left: str,
    scale_text: str | None,
    unit: str | None = None,
    before: tuple[str, int] | None = None,
) -> Mention | None:
    """Ranges, percent, currency and qualifier around a number; ``left`` is the reversed text before it, ``before``
    its word_before when the caller has read it."""
    number_start = start  # the quantity's own text starts here, after any qualifier
    value_high = None
    om = _OUT_OF.match(text, end) if unit is None else None
    if om is not None:
        denominator = _WORD_VALUES.get(om.group(1).lower()) or float(om.group(1).replace(",", "") if om.group(1)[0].isdigit() else 0)
        if denominator and denominator >= value:
            # "nine out of ten": a share, stated as a percentage
            value, precision, unit, end = value / denominator * 100, 50 / denominator, "%", om.end()
    # Ranges: "3-5 million", "3 to 5", "between 3 and 5".
    before = before or word_before(left)  # the caller's reading of the same ``left``, when it made one
    between = before if before[0] == "between" else None
    rm = _RANGE_DASH.match(text, end) or (None if before[0] in ("from", "by") else _RANGE_TO.match(text, end))
    if rm is not None and rm.group().strip() in ("to", "and") and _from_near(text, start):
        rm = None  # "risen from the equivalent of 478 to 2363": a change's two ends
    if rm is not None and (rm.group().strip() != "and" or between):
        hm = _DIGITS.match(text, rm.end())
        if hm is not None and not _MONTH_AFTER.match(text, hm.end()):
            high, _, high_end, high_scale = _scaled(text, hm.group(1), hm.end())
            if high is not None:
                if scale_text is None and high_scale is not None:
                    factor = _factor(high_scale)
                    value, precision = value * factor, precision * factor
                if high > value:
                    value_high, end = high, high_end
    pm = _PERCENT.match(text, end) if unit is None else None
    if pm is not None:
        unit = "pp" if "point" in pm.group().lower() else "%"
        end = pm.end()
    currency = None
    cm = _currency_before(left)
    if cm is not None:
        currency = _CURRENCY_CODES.get(cm[0].strip().lower())
        start -= cm[1]
        number_start = start
        left = left[cm[1]:]
        before = word_before(left)
        between = before if before[0] == "between" else None
    else:
        am = _CURRENCY_AFTER.match(text, end)
        if am is not None and unit is None:
            currency = _CURRENCY_CODES.get(_SPACES.sub(" ", am.group(1).lower()))
            end = am.end()
        elif scale_text is not None and scale_text[:1] == "(":
            bm = _BRACKET_SCALE.match(scale_text)
            currency = currency_code(bm.group(2)) if bm is not None and bm.group(2) else None  # "(millions of US$)"
    sm = _SIGN_TAIL.match(left) if value > 0 else None
    if sm is not None:  # "-0.8%", "\u221296,700", "minus 3"
        value, value_high = -value, (-value_high if value_high is not None else None)
        start -= sm.end()
        number_start = start
        left = left[sm.end():]
    qualifier, qualifier_text = Qualifier.EXACT, None
    if between and value_high is not None:
        start -= between[1]
        left = left[between[1]:]
    else:
        qm = _qualifier_before(left)
        if qm is not None and qm[0][:2].lower() == "up" and (_UP_VERB.match(left[qm[1]:]) or _UP_VERB_ED.match(left, qm[1])):
            qm = None  # "inched up to 18.9 million", "went up to": the verb's particle, then the level reached; no upper bound
        if qm is not None:
            qualifier_text = _SPACES.sub(" ", qm[0].lower())
            qualifier = _QUALIFIER_KIND.get(qualifier_text, Qualifier.APPROXIMATELY)
            start -= qm[1]
            left = left[qm[1]:]
    if left[:1] in _GAP and left.lstrip(" \t,")[:1] in _DENIED_LAST and _DENIED_TAIL.match(left):
        return None  # "6 million, and not 5 million", "rather than 5 million": the sentence denies this figure
    change = _change_before(text, start)
    if change == "decrease" and value > 0:
        value, value_high = -value, (-value_high if value_high is not None else None)  # "fell by 0.7%": a change of -0.7%
        qualifier = qualifier.negated()  # "fell by more than 16%": less than -16% (a page's -13.7% had "fit" it)
    quantity = Quantity(
        value=value,
        text=text[number_start:end],
        unit=unit,
        currency=currency,
        qualifier=qualifier,
        qualifier_text=qualifier_text,
        precision=precision,
        value_high=value_high,
        change=change,
    )
    return Mention(start=start, end=end, quantity=quantity)


# The verb whose particle the "up" of "up to" is (matched in the reversed text before "up"): "went up to", "inched up to".
_UP_VERB = _Tail("went go goes going gone rose rise rises risen shot grew grown came come comes".split(), gap="[ \t]+", flags=re.I)
_UP_VERB_ED = lazy(r"[ \t]+de(?!e)[a-z]{2,}(?![a-z])", re.I)  # any "-ed" verb: "edged up to", "moved up to"; not "need up to"
_GAP = frozenset(" \t,")
_DENIED_LAST = frozenset("tnfo")  # the last letter of "not", "than", "of", "to": a cheap test before the match
_DENIED_TAIL = _Tail(["not", "rather than", "instead of", "as opposed to", "in place of"], gap="[ \t,]*", flags=re.I)


# The words before a figure that make it a change: one anchored match on the reversed text before it (a
# search of a window for "...[ \t]+(?:by[ \t]+)?$" tried every position of the window).
_CHANGE_DOWN = ("fell fall falls falling dropped drop drops declined decline declines decreased decrease decreases "
                "contracted shrank shrunk slid plunged plummeted sank lost down cut").split()
_CHANGE_UP = ("rose rise rises rising grew grow grows growing grown increased increase increases climbed jumped gained expanded "
              "up added surged soared").split()
_CHANGE_TAIL = _Tail(_CHANGE_DOWN + _CHANGE_UP, gap="[ \t]+(?:yb[ \t]+)?", flags=re.I)
_DOWN_WORDS = frozenset(_CHANGE_DOWN)


_PHRASAL_UP = lazy(r"\b(?:made|make|makes|making|took|take|takes|sum|sums|summed|add|adds|added|end|ended|picked|set|sets|open|opened|use|used|shot)[ \t]+$", re.I)


# "from" a few words before a number: "X to Y" is where a change went from and to, not a range ("risen from the
# equivalent of 478 to 2363 US dollars"), unless the figures range ("ranging from 3 to 5 million").
_FROM_NEAR = re.compile(r"\b(?<!ranging )(?<!ranges )(?<!range )(?<!ranged )(?<!varying )(?<!varies )from(?:[ \t]+[^\s\d]+){1,3}[ \t]+$", re.I)


def _from_near(text: str, start: int) -> bool:
    return "from" in text[max(0, start - 40):start].lower() and _FROM_NEAR.search(text, max(0, start - 40), start) is not None


def _change_before(text: str, start: int) -> str | None:
    """'fell by 0.7%', 'grew 2%', 'up 3 points': the figure is a change, not a level."""
    m = _CHANGE_TAIL.match(text[max(0, start - 24):start][::-1])
    if m is None:
        return None
    word, taken = m[0].lower(), m[1]
    if word == "up" and _PHRASAL_UP.search(text, max(0, start - taken - 12), start - taken):
        return None  # "made up 12%", "took up": not a rise
    return "decrease" if word in _DOWN_WORDS else "increase"
