"""The role of a figure in its sentence: a level of the measure, or something else said with a number.

Only a *level* ("a population of 67.8 million", "GDP of $2.7 trillion") is compared with a
record. Real prose states many other figures beside a measure's label, and each read as a level
is a misread contradiction: a rate ("4.3 per 1,000 population", "227 inhabitants per square
kilometre", "$13,271 per capita"), a part of the subject ("5 million foreign residents", "of
whom 2 million were children", "45% of the population"), a rank ("ranked 41st", "the 21st most
populous"), an age or a duration ("a median age of 27.9", "14 years"), a change ("rose by 210",
"an increase of 2.1 million"), money that is not the measure ("a budget of $3 billion" beside
GDP), a group's average ("the EU average of 9.4%"), or one sex's value ("82 years for women").

:func:`role_of` reads the clause around a figure and returns the role and the words that show
it, or None for a level. It errs towards naming a role: a figure read as "not a level" is only
left uncompared (not enough info, with the role as the reason), never misjudged. The next
issue computes the roles the sources can answer (changes, shares, ranks, ratios).

"from 30.7 million in 2000 to 34.0 million in 2010" states two levels, each with its year: the
words "from" and "to" are not a change.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .comparative import SUPERLATIVE_TEXT
from .lazy import lazy
from .model import Quantity


class Role(NamedTuple):
    name: str  # rate | part | share | rank | duration | change | other_amount | group_average | by_sex | comparison | projection
    cue: str  # the words of the sentence that show it, as written


ROLES = ("rate", "part", "share", "rank", "duration", "change", "other_amount", "group_average", "by_sex", "comparison", "projection")


def _words(*groups: str) -> frozenset[str]:
    return frozenset(w for g in groups for w in g.split())

_W = r"[ \t\u00a0]+"
_CLAUSE_BREAK = re.compile(r"[;:()\[\]\u2014]|,[ \t]+(?:which|who|whom|whose|while|whereas|but|although|and)\b|[.!?](?=\s)")
_AFTER_BREAK = re.compile(r"[,;:()\[\]\u2014]|[.!?](?:\s|$)")

_RATE_AFTER = lazy(
    rf"(?:[ \t\u00a0]*(?!(?:and|or|but|with|while|a|an|the|its|their)\b)[A-Za-z-]+){{0,3}}?{_W}(?:per|for{_W}every|for{_W}each|out{_W}of|in{_W}every){_W}"
    rf"(?:(?:\d[\d,.]*|one|a|an|each|every|ten|hundred|thousand|million){_W})?(?:\d[\d,.]*{_W})?"
    r"(?P<what>capita|head|person|persons|people|inhabitants?|population|residents?|square|sq\b|km|kilomet\w*|km2|km\u00b2|"
    r"mi\b|miles?|hectares?|ha\b|women|woman|men|man|thousand|hundred|live|births?|deaths?|years?|annum|day|month|"
    r"week|hour|households?|famil\w+|workers?|employees?|students?|pupils?|child|children|patients?|adults?|citizens?|"
    r"beds?|doctors?|physicians?|1,000|100,000|10,000|100|1000|100000)",
    re.I,
)
_RATE_AVERAGE = lazy(r"\b(?:on[ \t]+average|an[ \t]+average[ \t]+of|averag(?:e|ed|ing)|(?:every|each)[ \t]+[A-Za-z]+[ \t]+(?:had|has|have|earns?|earned|owns?|owned|gets?|got|receives?|received|spends?|spent))\b[^,;]{0,30}$", re.I)
# GDP that is not in current US dollars: at purchasing power parity, or in constant (real, inflation-adjusted) prices.
_PPP = re.compile(r"\b(?:PPP|purchasing[ \t]+power[ \t]+parity|international[ \t]+dollars?|Int\$|real[ \t]+GDP|"
                  r"constant[ \t]+(?:\d{4}[ \t]+)?(?:prices|dollars|US\$|USD|terms)|inflation[- \t]+adjusted)", re.I)
# Words before a figure that make it one of the parts a total is made of ("comprising 789,300 in the south").
_PART_BEFORE = re.compile(
    r"\b(?:comprising|comprises|comprised|including|includes|included|consisting[ \t]+of|made[ \t]+up[ \t]+of|of[ \t]+whom|of[ \t]+which|"
    r"among[ \t]+them|among[ \t]+whom|followed[ \t]+by)[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+|nearly[ \t]+|over[ \t]+|"
    r"almost[ \t]+|roughly[ \t]+|an[ \t]+estimated[ \t]+|approximately[ \t]+|more[ \t]+than[ \t]+|less[ \t]+than[ \t]+|up[ \t]+to[ \t]+)?$",
    re.I,
)
_PART_OPENERS = re.compile(r"^\W*(?:including|excluding|of[ \t]+these|of[ \t]+them|of[ \t]+those|among[ \t]+them|of[ \t]+the[ \t]+rest)\b", re.I)
# A count given with its share ("308,957 (3.1%)", "740,000 people, or 12%", "12% of the population (740,000)").
_SHARE_BESIDE_AFTER = lazy(r"[ \t]*(?:[A-Za-z]+[ \t]+){0,2}[(,\u2013-][ \t]*(?:or[ \t]+|about[ \t]+|ca\.[ \t]+|some[ \t]+)?\d[\d.,]*[ \t]*(?:%|percent|per[ \t]+cent)", re.I)
_SHARE_BESIDE_BEFORE = lazy(r"\d[\d.,]*[ \t]*(?:%|percent|per[ \t]+cent)[^.;]{0,40}\([ \t]*(?:[A-Za-z]+[ \t]+){0,3}$", re.I)
_GROUP_ADJECTIVE = lazy(r"\b([A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:population|community|minority|diaspora)\b")
_RATE_SLASH = lazy(r"[ \t\u00a0]*(?:[A-Za-z]+[ \t\u00a0]*)?/[ \t\u00a0]*(?:km|sq|mi|capita|ha|year|yr|day|person|head)", re.I)
_RATE_BEFORE = lazy(
    r"\b(?:per[ \t]+capita|per[ \t]+head|per[ \t]+person|density|rate|rates|ratio|incidence|prevalence|"
    r"for[ \t]+every|per[ \t]+1,?000|per[ \t]+100,?000)\b[^,;]{0,40}$",
    re.I,
)
_SHARE_AFTER = lazy(
    rf"(?:{_W}(?:of|among|in)){_W}(?:the{_W}|its{_W}|their{_W}|all{_W}|total{_W}|that{_W}|this{_W})*"
    r"(?:total{_W}|country's{_W}|nation's{_W}|world's{_W}|national{_W})?"
    r"(?:population|inhabitants|residents|people|citizens|workforce|labou?r{_W}force|gdp|economy|households|"
    r"electorate|voters|land|area|territory|exports|imports|budget|revenue|output|births|deaths)",
    re.I,
)
_FRACTION_OF = lazy(
    r"\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|majority|minority|share|proportion|percentage|fraction|portion)"
    rf"{_W}of\b",
    re.I,
)
_RANK_BEFORE = lazy(
    r"\b(?:rank|ranks|ranked|ranking|rankings|position|place|placed|spot|number|No\.|#|ordinal|index|score|scored|"
    r"rated|rating)(?:[ \t]+(?:of|at|in|is|was|as))?[ \t]*$",
    re.I,
)
_RANK_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?(?:{_W}(?:out{_W}of|of|among){_W}\d|(?:{_W}|[ \t]*-[ \t]*)(?:place|position|rank|most|largest|highest|"
    r"lowest|biggest|smallest|best|worst|least|in[ \t]+the[ \t]+world))",
    re.I,
)
_DURATION_AFTER = lazy(
    rf"(?:{_W}(?:to|and|or|-|\u2013){_W}\d[\d.]*)?[ \t\u00a0-]*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|"
    r"decades?|centuries|century|generations?)(?:[ \t-]+old)?\b",
    re.I,
)
_AGE_BEFORE = lazy(
    r"\b(?:older[ \t]+than|younger[ \t]+than|over[ \t]+the[ \t]+age[ \t]+of|under[ \t]+the[ \t]+age[ \t]+of|age|ages|aged|median[ \t]+age|average[ \t]+age|mean[ \t]+age|life[ \t]+expectancy|lifespan|"
    r"expectancy)(?:[ \t]+(?:of|at|is|was|were|between|from|stood[ \t]+at|stands[ \t]+at))*[ \t]+(?:about|around|some|nearly|just[ \t]+over|over|under)?[ \t]*$",
    re.I,
)
_AGE_NOUN = lazy(r"\b(?:median|average|mean)[ \t]+age\b[^,;]{0,60}$", re.I)
_CHANGE_BEFORE = re.compile(
    r"\b(?:increase|increases|increased|rise|rises|rose|risen|growth|grew|grown|decrease|decreases|decreased|decline|"
    r"declines|declined|drop|drops|dropped|fall|falls|fell|fallen|gain|gains|gained|loss|losses|lost|jump|jumped|"
    r"surge|surged|reduction|reduced|cut|cuts|shrank|shrunk|contraction|contracted|expansion|expanded|added|adding|"
    r"change|changes|changed|difference|up|down|increasing|rising|growing|decreasing|declining|dropping|falling|gaining|losing|"
    r"jumping|surging|shrinking|contracting|expanding|changing)(?:[ \t]+(?:of|by|was|is|amounting[ \t]+to|totalling|totaling))*"
    r"[ \t]+(?:about|around|some|nearly|almost|roughly|approximately|over|more[ \t]+than|less[ \t]+than|just|only|an?|"
    r"estimated)?[ \t]*(?:US)?[$\u20ac\u00a3]?[ \t]*$",
    re.I,
)
# A margin: "surpasses Russia's by over $400 billion", "larger than Peru's by 20 million".
_BY_MARGIN = lazy(r"\b(?P<cue>surpass\w*|exceed\w*|outstrip\w*|outpac\w*|overtak\w*|outnumber\w*|larger|bigger|smaller|higher|"
                  r"lower|greater|ahead|behind|trail\w*|beat\w*|lead\w*)\b[^.;:]{0,60}?\bby[ \t]+(?:over[ \t]+|more[ \t]+than[ \t]+|"
                  r"about[ \t]+|around[ \t]+|some[ \t]+|nearly[ \t]+|almost[ \t]+|roughly[ \t]+|just[ \t]+|an?[ \t]+estimated[ \t]+)?"
                  r"(?:US)?[$\u20ac\u00a3]?[ \t]*$", re.I)
_FROM_EXTREME = lazy(r"\bfrom[ \t]+(?:a|an|its|the)[ \t]+(?:(?:post-?war|all-time|historic|record|previous)[ \t]+)?"
                     r"(?:low|high|peak|trough|minimum|maximum)[ \t]+of[ \t]+(?:about[ \t]+|around[ \t]+|some[ \t]+|just[ \t]+)?$", re.I)
# A mark a figure falls short of: "just 2,000 short of the 400,000 population", "shy of 5 million".
_SHORT_OF = lazy(r"\b(?:short|shy)[ \t]+of[ \t]+(?:the[ \t]+|a[ \t]+)?(?:\w+[ \t]+)?$", re.I)
_PHRASAL = lazy(r"\b(?:made|make|makes|making|took|take|takes|sum|sums|summed|add|adds|added|end|ended|picked|set|sets|"
                      r"open|opened|use|used|shot|broke|broken|break|breaks|written|wrote|write|laid|lay|turned|turn)[ \t]+$", re.I)
_CHANGE_AFTER = re.compile(
    rf"(?:{_W}[A-Za-z]+){{0,3}}?{_W}(?:more|fewer|less|higher|lower|larger|smaller|up|down)(?:{_W}than|{_W}from|{_W}on|[,.;])"
    rf"|{_W}(?:increase|rise|decrease|decline|drop|fall|gain|loss|jump|reduction|growth)\b",
    re.I,
)
# Money nouns that are not GDP (or whatever level the sentence names): "a budget of $3 billion".
_OTHER_MONEY = re.compile(
    r"\b(?:budget|budgets|debt|debts|revenue|revenues|surplus|deficit|aid|assistance|exports?|imports?|investment|investments|"
    r"remittances|reserves|spending|expenditure|expenditures|loans?|grants?|taxes|tax|income|incomes|profits?|turnover|sales|"
    r"receipts|earnings|capital|assets|capitalisation|capitalization|cost|costs|wages?|salary|salaries|pensions?|fund|funds|"
    r"funding|subsid(?:y|ies)|production|market|trade|tourism|fdi|bonds?|credit|deposits?|liabilities|"
    r"price|prices|damages?|compensation|bailout|package|fine|fines)\b",
    re.I,
)
_MONEY_CUES = _words(
    "budget budgets debt debts revenue revenues surplus deficit aid assistance export exports import imports investment investments",
    "remittances reserves spending expenditure expenditures loan loans grant grants taxes tax income incomes profit profits",
    "turnover sales receipts earnings capital assets capitalisation capitalization cost costs wage wages salary salaries",
    "pension pensions fund funds funding subsidy subsidies production market trade tourism fdi bond bonds credit deposit",
    "deposits liabilities price prices damage damages compensation bailout package fine fines",
)
_GROUP_AVERAGE = lazy(
    r"\b(?:EU|E\.U\.|OECD|world|global|regional|European|Union|continental|African|Asian|American|Arab|Latin|"
    r"subcontinent|sub-continent|region|regions|G7|G20|eurozone|euro[ \t]+area|international|national|neighbou?ring|"
    r"country|countries)(?:'s)?[ \t]+(?:\w+[ \t]+)?(?:average|mean|median)\b|\b(?:average|mean|median)[ \t]+(?:of|for|in|across)"
    r"[ \t]+(?:the[ \t]+)?(?:EU|OECD|world|region|subcontinent|continent|member|countries|European|African|Asian)",
    re.I,
)
_GROUP_AVERAGE_AFTER = lazy(
    r"^[^,;.]{0,50}\b(?:for|in|across|of)[ \t]+(?:the[ \t]+)?(?:EU|OECD|world|region|subcontinent|continent|member[ \t]+states|"
    r"developing|developed|European|African|Asian|Latin|Arab|rest)",
    re.I,
)
_AVERAGE_NEAR = lazy(r"\b(?:average|mean)[ \t]+(?:of[ \t]+)?(?:about[ \t]+|around[ \t]+)?$", re.I)
_SEX = lazy(r"\b(?:male|males|female|females|men|women|man|woman|boys|girls|husbands|wives|mothers|fathers)\b", re.I)
# Words that make a counted group a part of the population, not all of it (read in the figure's own
# phrase: after the last comma or figure before it, and the words after it).
_GROUPS = re.compile(
    r"\b(?:refugees?|migrants?|immigrants?|emigrants?|expatriates?|expats|foreigners?|foreign|aliens|asylum|diaspora|locals|"
    r"minorit(?:y|ies)|ethnic\w*|group|groups|indigenous|legal|permanent[ \t]+residents|working[ \t-]+age|employ|employs|employing|"
    r"labou?r[ \t]+force|natives?|tribes?|tribal|speakers?|Muslims?|Christians?|Catholics?|Protestants?|"
    r"Orthodox|Hindus?|Buddhists?|Jews|Jewish|Sikhs?|atheists?|believers|adherents|followers|members|households?|families|"
    r"tourists?|visitors?|arrivals|urban|rural|in[ \t]+(?:the[ \t]+|its[ \t]+)?(?:capital|cities|city|towns?|villages?|provinces?|regions?|"
    r"districts?|suburbs|metropolitan[ \t]+areas?|countryside)|children|adults|elderly|pensioners|retirees|students|pupils|workers|employees|employed|"
    r"unemployed|jobless|poor|poverty|voters|electorate|soldiers|troops|prisoners|victims|dead|killed|deaths|births|"
    r"born|died|patients|cases|infected|HIV|AIDS|disabled|disabilit(?:y|ies)|literate|illiterate|users|subscribers|owners|farmers|labou?r|workforce|"
    r"vaccinated|unvaccinated|inoculated|immuni[sz]ed|targett?ed|eligible|tested|quarantined|hospitali[sz]ed|recovered|affected|"
    r"spread[ \t]+to|"
    r"north|south|east|west|northern|southern|eastern|western|central|abroad|overseas|living[ \t]+in|who[ \t]+live|"
    r"of[ \t]+whom|of[ \t]+which|among[ \t]+them|including|aged|over[ \t]+\d+|under[ \t]+\d+|descent|origin|nationals|"
    r"citizens[ \t]+of|residents[ \t]+of[ \t]+(?!the[ \t]+country))\b",
    re.I,
)


def sentence_cues(text: str) -> frozenset[str]:
    """The sentence's lower-case words, made once per sentence: each family of cues below is looked for
    only where one of its words occurs (most figures have none, and searching is the cost)."""
    return frozenset(_CUE_WORD.findall(text.lower()))


_CUE_WORD = re.compile(r"[a-z]+")


_CHANGE_CUES = _words(
    "increase increases increased rise rises rose risen growth grew grown decrease decreases decreased decline declines declined",
    "drop drops dropped fall falls fell fallen gain gains gained loss losses lost jump jumped surge surged reduction reduced",
    "cut cuts shrank shrunk contraction contracted expansion expanded added adding change changes changed difference up down",
    "more fewer less higher lower larger smaller",
    "increasing rising growing decreasing declining dropping falling gaining losing jumping surging shrinking contracting",
    "expanding changing",
)
_AVERAGE_CUES = _words("average mean median")
# A figure someone foresees: "is expected to reach", "projected to rise to", "forecast at", "set to top", "could hit",
# "will have grown to", "projections show". Read in the figure's clause before it (real web pages: eleven projections
# were compared with the records, eight contradicted).
_PROJECTION_CUES = _words("projected projection projections project projects projecting forecast forecasts forecasted forecasting",
                          "expectation expectations",
                          "predicted prediction predictions predicts expected expects anticipated set likely could will would shall",
                          "going may might")
_PROJECTION = lazy(
    r"\b(?P<cue>(?:projected|forecast(?:ed)?|predicted|expected|anticipated|set|likely|going)[ \t]+to[ \t]+[a-z]+"
    r"|(?:projected|forecast(?:ed)?|predicted|expected)[ \t]+at"
    r"|(?:projections?|forecasts?|predictions?|expectations?)"
    r"|(?:could|will|would|shall|may|might)[ \t]+(?:(?:have[ \t]+)?(?:risen|grown|increased|climbed|fallen|dropped|declined|"
    r"shrunk|expanded|swelled|jumped)[ \t]+to|(?:(?:soon|well|also|still|even|then|further|again|[a-z]+ly)[ \t]+)?(?:reach|hit|top|exceed|surpass|pass|cross|be|become|stand[ \t]+at|total|"
    r"have|approach|near|rise[ \t]+to|grow[ \t]+to|increase[ \t]+to|fall[ \t]+to|drop[ \t]+to|decline[ \t]+to|"
    r"trend|average|hover|settle|remain|stay|amount[ \t]+to|come[ \t]+in|rise|grow|increase|fall|drop|decline|expand|"
    r"contract|climb|double|triple|number|count|register|record|post)))\b[^.;:]{0,120}$",
    re.I,
)
# The whole a share is of: "Just 8% of Indonesia's 270 million population are fully inoculated" (the 8% are the part).
_SHARE_BASE_BEFORE = lazy(r"(?:%|\bpercent|\bper[ \t]+cent)[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+|[A-Z][\w.'\u2019-]*(?:'s|\u2019s)[ \t]+)?$",
                          re.I)
# "plummeted from about US$55 billion in 2018 to a projected US$20.5 billion in 2021": the adjective right before the figure
# (a pandemic page's projection had been contradicted by the year's record).
_PROJECTED_BEFORE = lazy(r"\b(?P<cue>(?:a|an|the|its|their)[ \t]+(?:projected|forecast|predicted|expected|anticipated))[ \t]+$", re.I)
# A figure someone aims to keep the subject at: "keeping Japan's population above 100 million a policy priority", "to
# maintain GDP growth at 5%" (a real page's aim had been supported as Japan's population).
_KEPT_CUES = _words("keep keeps keeping maintain maintains maintaining sustain sustaining")
_KEPT = lazy(r"\b(?:keep|keeps|keeping|maintain|maintains|maintaining|sustain|sustaining)[ \t]+(?:[\w'\u2019-]+[ \t]+){0,4}?"
             r"(?P<at>(?:above|below|over|under|at|around|near)[ \t]+)?$", re.I)
_SEX_CUES = _words("male males female females men women man woman boys girls husbands wives mothers fathers")
_RATE_CUES = _words("per every each out average averaged averaging density rate rates ratio incidence prevalence")
_AGE_CUES = _words("older younger age ages aged median average mean life expectancy lifespan")
_DURATION_CUES = _words("years year yrs yr months month weeks week days day hours hour minutes minute decades decade",
                        "centuries century generations generation")
_OUT_OF = lazy(r"\bout[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)
_RANKED_AMONG = lazy(r"[ \t]*(?:$|[.,;:)\]]|(?:and|in|for|by|\d{4})\b|(?:countries|nations|economies|states|territories|entries|"
                     r"jurisdictions|members)\b)", re.I)
_RANK_CUES = _words("rank ranks ranked ranking rankings position place placed spot number no ordinal index score scored rated rating")
_FRACTION_CUES = _words("half halves third thirds quarter quarters fifth fifths tenth tenths majority minority share",
                        "proportion percentage fraction portion")
_PART_CUES = _words("comprising comprises comprised including includes included consisting made whom which among followed",
                    "excluding these them those rest")
_GROUP_NOUN_CUES = _words("population community minority diaspora")
_THRESHOLD_CUES = _words("with having")
_GROUP_CUES = _words(
    "refugee refugees migrant migrants immigrant immigrants emigrant emigrants expatriate expatriates expats foreigner foreigners",
    "foreign aliens asylum diaspora minority minorities ethnic ethnically ethnicity group groups indigenous native natives tribe",
    "tribes tribal speaker speakers muslim muslims christian christians catholic catholics protestant protestants orthodox hindu",
    "hindus buddhist buddhists jews jewish sikh sikhs atheist atheists believers adherents followers members household households",
    "families tourist tourists visitor visitors arrivals urban rural capital cities city town towns village villages province",
    "provinces region regions district districts suburbs metropolitan countryside children adults elderly pensioners retirees",
    "students pupils workers employees employed unemployed jobless poor poverty voters electorate soldiers troops prisoners",
    "victims dead killed deaths births born died patients cases infected hiv aids disabled disability disabilities literate",
    "illiterate users subscribers owners farmers labour labor workforce north south east west northern southern eastern western",
    "central abroad overseas living live whom which among them including aged over under descent origin nationals citizens",
    "residents legal permanent working employ employs employing force locals",
    "vaccinated unvaccinated inoculated immunized immunised targeted targetted eligible tested quarantined hospitalized",
    "hospitalised recovered affected spread",
)
_PPP_CUES = _words("ppp purchasing international int real constant inflation")
# A country's nationals, set apart from its residents: "the country's Maldivian population is 355,331"; "the Omani
# population reached 2.65 million" in a sentence that counts the expatriates too (real web pages: both were compared
# with the whole population and contradicted).
_FOREIGN_CUES = _words("expat expats expatriate expatriates foreigner foreigners foreign non migrant migrants immigrant immigrants",
                       "locals nationals citizens")
_OWN_NATIONALS = lazy(r"\b(?:the[ \t]+country(?:'s|\u2019s)|its|their)[ \t]+[A-Z][a-z]+[ \t]+(?:population|people)\b[^.;]{0,50}$")
# What a figure leaves out, said right after it: "around 41 million, excluding Crimea and Sevastopol" (a real page's
# figure without a part of the country had been supported by the record of the whole), "$300 billion not including oil".
_EXCLUDING_CUES = _words("excluding excludes exclusive except excepting including without counting")
_EXCLUDING_AFTER = lazy(r"(?:[ \t]+(?:[a-z]+|\d{4})){0,3}?[ \t]*[,(\u2013\u2014-]?[ \t]*(?P<cue>excluding|exclusive[ \t]+of|except(?:[ \t]+for)?|"
                        r"excepting|not[ \t]+(?:including|counting)|without[ \t]+(?:counting[ \t]+)?(?:the[ \t]+)?(?=[A-Z]))\b", re.I)
# ... or said between the label and the figure: "Mali's population (excluding nomads) was 19 million".
_EXCLUDING_BEFORE = lazy(r"[(,\u2013\u2014][ \t]*(?P<cue>excluding|not[ \t]+(?:including|counting)|except(?:[ \t]+for)?)\b[^.;()]{0,40}[),\u2013\u2014]"
                         r"[^.;()]{0,30}$", re.I)
# A figure said of each of several parts: "five regions bringing together, each one, over 3.5 million inhabitants", "two
# provinces with 4 million people each" (a real page's regions had supported Morocco's total); "each year" is a time.
_EACH_BEFORE = lazy(r"\beach(?![ \t]+(?:years?|months?|weeks?|days?|decades?|quarters?|time|census|person|inhabitant|resident|"
                    r"citizen|capita|head)\b)(?:[ \t]+(?:one|of[ \t]+(?:them|which|these|those|whom)))?\b[^.;:()]{0,30}$", re.I)
_EACH_AFTER = lazy(r"(?:[ \t]+[a-z]+)?[ \t]+each\b(?![ \t]+(?:year|month|week|day|decade|quarter|time)\b)", re.I)
_NATIONALS = lazy(r"\b[A-Z][a-z]+(?:i|ese|ish|ic|an)(?<!stan)(?<!Japan)(?<!Sudan)(?<!Iran)(?<!Oman)(?<!Bhutan)(?<!Taiwan)(?<!Jordan)(?<!Mali)(?<!Malawi)(?<!Burundi)(?<!Djibouti)(?<!Haiti)"
                  r"[ \t]+(?:population|people)\b[^.;]{0,50}$")  # a demonym ("Omani", "Kenyan"), not a country's name


def role_of(text: str, start: int, end: int, quantity: Quantity, label: str | None,
            label_end: int | None = None, names: tuple[tuple[int, int], ...] = (),
            cues: frozenset[str] | None = None) -> Role | None:
    """The role of the figure at ``[start, end)`` of sentence ``text``, or None for a level.

    ``label`` is the measure label the sentence names for the figure (lower case), if any: a
    role the label itself states ("GDP per capita", "life expectancy") is the measure's, not
    the figure's. ``label_end`` is where that label ends when it
    stands before the figure: "the population of Lithuania stands at 2,921,262, 84.2% of whom"
    states the whole, and what follows describes its parts. ``names`` are the spans of the
    sentence's entity names ("Hong Kong population" is no group of Hong Kong). ``cues`` are the
    sentence's words (:func:`sentence_cues`), given when several figures share the sentence.
    """
    if quantity.unit == "\u00d7" and quantity.change is None:
        return Role("comparison", quantity.text)  # "twice as many people as Portugal" (core.comparative): a ratio of two subjects
    if quantity.unit is None and SUPERLATIVE_TEXT.match(quantity.text):
        return Role("rank", quantity.text)  # "the most populous country", "its highest level since 1990": rank 1, unsaid
    label = label or ""
    if cues is None:
        cues = sentence_cues(text)
    left_start = _clause_start(text, start)
    left = text[left_start:start]
    right = text[end:_clause_end(text, end)]
    near_left = text[max(0, start - 48):start]

    m = (_PROJECTION.search(left[-130:]) or _PROJECTED_BEFORE.search(near_left)) if not cues.isdisjoint(_PROJECTION_CUES) else None
    if m is not None and not _label_says(label, "projected", "projection", "forecast"):
        return Role("projection", m.group("cue"))  # "is expected to reach 26 million": what someone foresees, not a level
    m = _KEPT.search(near_left) if not cues.isdisjoint(_KEPT_CUES) else None
    if m is not None and (m.group("at") or quantity.qualifier_text):  # kept at, above, below a figure ("keeps 9 million fed" is no aim)
        return Role("projection", m.group().strip())  # "keeping Japan's population above 100 million": an aim, not a level

    if quantity.change is not None:
        return Role("change", text[max(left_start, start - 24):start].strip() or "a change")
    m = _BY_MARGIN.search(left[-110:]) if "by" in cues else None
    if m is not None:
        return Role("change", m.group("cue"))  # "Texas's economy surpasses Russia's by over $400 billion": a difference
    m = _FROM_EXTREME.search(near_left) if "from" in cues else None
    if m is not None:
        return Role("change", m.group().strip())  # "risen to 84 million from a low of 69 million": the level a change began at
    m = _SHORT_OF.search(near_left) if "short" in cues or "shy" in cues else None
    if m is not None:
        return Role("comparison", m.group().strip())  # "2,000 short of the 400,000 mark": a mark it is measured against
    changes = not cues.isdisjoint(_CHANGE_CUES)
    m = _CHANGE_BEFORE.search(near_left) if changes else None
    if m is not None and m.group().lower().startswith(("up", "down")) and _PHRASAL.search(near_left[:m.start()]):
        m = None  # "made up 12%", "took up", "set down": not a change
    if m is not None and not _from_to_levels(text, start, end):
        return Role("change", m.group().strip())
    m = _CHANGE_AFTER.match(text, end, min(len(text), end + 40)) if changes else None
    if m is not None:
        return Role("change", m.group().strip())

    m = (_GROUP_AVERAGE.search(left[-80:]) or (_GROUP_AVERAGE_AFTER.match(right) if _AVERAGE_NEAR.search(near_left) else None)
         if not cues.isdisjoint(_AVERAGE_CUES) else None)
    if m is not None and not _label_says(label, "average"):
        return Role("group_average", m.group().strip())

    m = (_SEX.search(left[-60:]) or _SEX.search(right[:30])) if not cues.isdisjoint(_SEX_CUES) else None
    if m is not None and not _label_says(label, "male", "female", "men", "women"):
        return Role("by_sex", m.group())

    rates = not cues.isdisjoint(_RATE_CUES)
    rate = (_RATE_AFTER.match(text, end, min(len(text), end + 60)) if rates else None) or (
        _RATE_SLASH.match(text, end, min(len(text), end + 20)) if "/" in text else None)
    if rate is not None and not _label_says(label, "per", "capita", "density", "rate"):
        return Role("rate", rate.group().strip())
    m = _RATE_AVERAGE.search(near_left) if rates else None
    if m is not None and quantity.unit == "%" and label and m.group().lower().startswith(("averag", "on", "an")) \
            and not _label_says(label, *_LEVEL_WORDS):
        m = None  # "inflation averaged 3.3% in 2010": a percentage measure averaged over its period is that period's level
    if m is not None and not _label_says(label, "average", "per", "capita"):
        return Role("rate", m.group().strip())
    m = _RATE_BEFORE.search(near_left) if rates else None
    if m is not None and re.search(r"\bexchange[ \t]+$", near_left[:m.start()], re.I):
        m = None  # "GDP of $18.4 billion at the exchange rate": an amount converted, not a rate
    if m is not None and not _label_says(label, "per", "capita", "density", "rate", "ratio", "incidence", "prevalence"):
        return Role("rate", m.group().split()[0] + (" " + m.group().split()[1] if len(m.group().split()) > 1 else ""))

    m = (_AGE_BEFORE.search(near_left) or _AGE_NOUN.search(left)) if not cues.isdisjoint(_AGE_CUES) else None
    if m is not None and not _label_says(label, "age", "expectancy", "lifespan"):
        return Role("duration", m.group().strip())
    m = _DURATION_AFTER.match(text, end, min(len(text), end + 40)) if not cues.isdisjoint(_DURATION_CUES) else None
    if m is not None and not _label_says(label, "age", "expectancy", "lifespan", "years", "duration"):
        return Role("duration", m.group().strip())

    m = _RANK_BEFORE.search(near_left) if not cues.isdisjoint(_RANK_CUES) or "#" in near_left else None
    if m is not None and not _label_says(label, "rank", "index", "score"):
        return Role("rank", m.group().strip())
    m = _RANK_AFTER.match(text, end, min(len(text), end + 40))
    if m is not None and not _label_says(label, "rank", "index", "score"):
        return Role("rank", m.group().strip())
    m = _OUT_OF.search(near_left) if "out" in cues and (not cues.isdisjoint(_RANK_CUES) or "#" in text) else None
    if m is not None and _RANKED_AMONG.match(text, end):
        return Role("rank", m.group().strip())  # "holds position #155 out of 205": how many were ranked, no figure of the subject

    fractions = not cues.isdisjoint(_FRACTION_CUES)
    if quantity.unit in ("%", "pp") or (fractions and _FRACTION_OF.search(near_left)):
        m = _SHARE_AFTER.match(text, end, min(len(text), end + 60))
        if m is not None:
            return Role("share", m.group().strip())
        m = _FRACTION_OF.search(near_left) if fractions else None
        if m is not None:
            return Role("share", m.group().strip())

    if quantity.currency is not None:
        m = (_PPP.search(near_left) or _PPP.match(right[:24].lstrip(" \t("))) if not cues.isdisjoint(_PPP_CUES) else None  # "$1.6 trillion (PPP)", not the next figure's
        if m is not None and not _label_says(label, "ppp", "parity"):
            return Role("other_amount", m.group())
        m = _money_noun(text[max(0, start - 70):start] if text[max(0, start - 3):start].rstrip().endswith("(") else left, right, label) \
            if not cues.isdisjoint(_MONEY_CUES) else None
        if m is not None:
            return Role("other_amount", m)

    m = (_EXCLUDING_AFTER.match(text, end) or _EXCLUDING_BEFORE.search(near_left)) if not cues.isdisjoint(_EXCLUDING_CUES) else None
    if m is not None:
        return Role("part", m.group("cue"))  # "around 41 million, excluding Crimea and Sevastopol": not the whole the records count
    m = (_EACH_BEFORE.search(near_left) or _EACH_AFTER.match(text, end)) if "each" in cues else None
    if m is not None:
        return Role("part", m.group().strip())  # "five regions, each one over 3.5 million inhabitants": each part's, not the whole's
    m = _THRESHOLD.search(text, max(0, start - 90), start) if not cues.isdisjoint(_THRESHOLD_CUES) else None
    if m is not None:
        return Role("part", m.group().strip())  # "cities with a population of over one million": a size of places
    if quantity.currency is None and quantity.unit is None:
        m = _COUNT_OF.match(text, end, min(len(text), end + 30))
        if m is not None and not _label_says(label, *m.group(1).lower().split()):
            return Role("part", m.group().strip())  # "at least two of the languages": a count of something else
        whole = label_end is not None and _states_the_whole(text[label_end:start])
        m = (_PART_BEFORE.search(near_left) or _PART_OPENERS.match(text)) if not cues.isdisjoint(_PART_CUES) else None
        if m is None and not whole and ("%" in text or "percent" in cues or "cent" in cues):
            m = _SHARE_BESIDE_AFTER.match(text, end, min(len(text), end + 40)) or _SHARE_BESIDE_BEFORE.search(text, max(0, start - 80), start)
        if m is None and "population" in cues:  # "the country's Maldivian population", "the Omani population" beside its expatriates
            m = _OWN_NATIONALS.search(text, max(0, start - 70), start) or (
                _NATIONALS.search(text, max(0, start - 70), start) if not cues.isdisjoint(_FOREIGN_CUES) else None)
        if m is None and not cues.isdisjoint(_GROUP_NOUN_CUES):
            m = next((g for g in _GROUP_ADJECTIVE.finditer(text, max(0, start - 48), start)
                      if g.group(1) not in _DETERMINERS and (not _one_name(g, names) or _OF_A_PLACE.match(text, g.end())
                                                             or _POSSESSED.search(text, max(0, g.start() - 40), g.start()))), None)
        if m is not None:
            return Role("part", m.group().strip())
        # a figure right after its label states the whole: only words between them could make it a part
        word = _group(text[label_end:start] if whole else left, "" if whole else right, label) \
            if not cues.isdisjoint(_GROUP_CUES) and not _SHARE_BASE_BEFORE.search(near_left) else None
        if word is not None:
            return Role("part", word)
    return None


# Places of a size, in a definition or a count of places: "cities with a population of over one million",
# "a settlement with more than 2,500 inhabitants", "the largest city in Senegal, with over two million".
_THRESHOLD = lazy(
    r"\b(?:cit(?:y|ies)|towns?|municipalit(?:y|ies)|settlements?|villages?|count(?:y|ies)|districts?|provinces?|regions?|"
    r"places|localities|urban[ \t]+areas?|metropolitan[ \t]+areas?|agglomerations?|conurbations?|megacities|capital|centers|centres|"
    r"suburbs?|areas?|countries|nations|economies|states|islands|communes?|parishes|neighbou?rhoods?|"
    r"(?<![.\d])\d[\d,]*(?=[ \t]+(?:with|having)\b))"
    r",?[ \t]+(?:[\w,()]+[ \t]+){0,4}?(?:with|having)[ \t]+(?:a[ \t]+|an[ \t]+|the[ \t]+)?(?:total[ \t]+)?"
    r"(?:populations?|inhabitants|residents|people)?[ \t]*(?:of[ \t]+)?(?:between|more[ \t]+than|fewer[ \t]+than|less[ \t]+than|"
    r"over|under|above|below|at[ \t]+least|up[ \t]+to|some|about|around|nearly|almost)?[ \t]*$",
    re.I,
)
_COUNT_OF = re.compile(r"[ \t]+of[ \t]+(?:the|these|those|its|their|his|her)[ \t]+([a-z]+)", re.I)
_DETERMINERS = frozenset("The This That These Those Its Their Our His Her A An Total Whole Entire Overall Estimated Resident Current".split())
# Words between a label and its figure that keep the figure the label's own level ("population of X was estimated at").
_WHOLE_GAP = frozenset(
    "of the was is were are stood stands at totals totalled totaled total reached numbered estimated to be been amounted rose grew "
    "fell increased decreased about around approximately nearly almost over some roughly more than just an a had has as put recorded "
    "census counted in its their which by than less stand".split()
)


# A people's adjective is a group's when a place is named beside it: "the Fijian population of Fiji" (the indigenous
# Fijians), "the Turkish population in Germany", "Germany's Turkish population"; alone ("the Kenyan population was
# 47.6 million") it is the country's (a made-up page's "Fijian population of Fiji" had been compared with Fiji's total).
_OF_A_PLACE = lazy(r"[ \t]+(?:of|in|living[ \t]+in|resident[ \t]+in)[ \t]+(?:the[ \t]+)?[A-Z]")
_POSSESSED = lazy(r"\b[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)*(?:'s|\u2019s|s'|s\u2019)[ \t]+$")


def _one_name(m: re.Match[str], names: tuple[tuple[int, int], ...]) -> bool:
    """'Hong Kong population': the capitalised words are one entity's name, the subject's own population."""
    words_end = m.end() - len(m.group().split()[-1])
    return any(a <= m.start() and words_end - 1 <= b for a, b in names)


def _states_the_whole(gap: str) -> bool:
    """Whether only linking words, names and years stand between a label and its figure."""
    if len(gap) > 80 or re.search(r"[,;(]", gap):
        return False
    for word in re.findall(r"[^\W\d_][\w'\u2019.-]*|\d+", gap):
        if word.lower() not in _WHOLE_GAP and not word[0].isupper() and not word.isdigit():
            return False
    return True


def _clause_start(text: str, start: int) -> int:
    last = 0
    for m in _CLAUSE_BREAK.finditer(text, max(0, start - 160), start):
        last = m.end()
    return max(last, max(0, start - 160))


def _clause_end(text: str, end: int) -> int:
    m = _AFTER_BREAK.search(text, end, min(len(text), end + 80))
    return m.start() if m else min(len(text), end + 80)


# Words of labels of measures of levels (people, money): a percentage "averaged" beside them is a growth or a share.
_LEVEL_WORDS = ("gdp", "product", "economy", "population", "inhabitants", "people", "residents", "income", "output")


def _label_says(label: str, *words: str) -> bool:
    """Whether the measure's own label states the role ("gdp per capita", "life expectancy at birth")."""
    return bool(label) and any(w in label.split() for w in words)


_FROM_TO = lazy(r"\bfrom[ \t]+(?:about[ \t]+|around[ \t]+)?[\w$\u20ac\u00a3.,]+(?:[ \t]+\w+){0,4}[ \t]+to[ \t]+$", re.I)


def _from_to_levels(text: str, start: int, end: int) -> bool:
    """'rose from 30.7 million in 2000 to 34.0 million in 2010': both figures are levels."""
    if re.match(r"^[ \t]+(?:in|by)?[ \t]*(?:\d{4})?[ \t]*to\b", text[end:end + 24], re.I) and re.search(r"\bfrom[ \t]*$", text[max(0, start - 8):start], re.I):
        return True
    return _FROM_TO.search(text, max(0, start - 80), start) is not None


def _money_noun(left: str, right: str, label: str) -> str | None:
    """The nearest money noun just before the figure (its clause, or a bracket opened after it), if it is not the named measure."""
    tail = left[-70:]
    found = list(_OTHER_MONEY.finditer(tail))
    label_words = set(label.split())
    if found:
        word = found[-1].group()
        after_label = not label or tail.lower().rfind(label.split()[-1]) < found[-1].start()
        if word.lower() not in label_words and after_label:
            return word
    m = _OTHER_MONEY.match(right.lstrip(), 0) if right.lstrip()[:3].lower() not in ("of ",) else None
    if m is None:
        m = re.match(r"^[ \t]*(?:in|of|worth[ \t]+of)[ \t]+(?:\w+[ \t]+)?(" + _OTHER_MONEY.pattern[2:-2] + r")\b", right, re.I)
        if m is not None and m.group(1).lower() not in label_words:
            return m.group(1)
        return None
    return m.group() if m.group().lower() not in label_words else None


def _group(left: str, right: str, label: str) -> str | None:
    """A counted group, a place or a qualifier that makes the figure a part of the population."""
    own = left[-60:]
    previous_figure = list(re.finditer(r"[\d,;:(]", own))
    if previous_figure:  # words before another figure belong to it ("200 countries and regions, 70.6 billion masks")
        own = own[previous_figure[-1].end():]
    window = own + " \u2016 " + right[:50]
    for m in _GROUPS.finditer(window):
        word = m.group()
        if word.lower() in label.split():
            continue
        return word
    return None
