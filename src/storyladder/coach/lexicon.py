"""The coach's word lists: one named list per idea, shared by every detector that needs it.

Each list is a compiled `phrases` pattern (whole words, case-insensitive). A list
belongs here when more than one part of the coach hears the same idea; a phrase
lives in exactly one list (tests/test_lexicon.py forbids copies).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from storyladder.coach.text import phrases
from storyladder.model import Span

# -- small shared lists: an idea several detectors hear, named once ---------------------

COMPLAINTS = phrases(r"complain\w*")  # a setback, and a cost to whoever complained
SETBACK = phrases(  # something went wrong
    r"fail\w*",
    r"mistake",
    r"wrong",
    r"missed",
    r"late",
    r"conflict",
    r"disagree\w*",
    r"escalat\w*",
    r"(?:under|over)estimat\w*|misjudg\w*|misread|overlooked|behind schedule|bugs?",
    COMPLAINTS,
)
RISK = phrases(r"risk\w*", r"safety", r"outage", r"incident")
LOOKING_BACK = phrases(r"next time", r"looking back", r"since then", r"in hindsight")
NOW_PRACTICE = phrases(  # a practice kept since
    r"now I",
    r"I now",
    r"these days I",
    r"I no longer",
    r"I (?:always|never) (?:\w+ )?now",
    # "I push for phased cutovers on anything customer-facing now."
    r"I (?!am\b|was\b|had\b|have\b|think\b|guess\b)(?:always |usually )?[a-z]+ [^.!?\n]{0,80}"
    r"\bnow(?=[.!?]|$)",
)
OWNING = phrases(r"(?:it|that) was on me", r"I dismissed", r"I was wrong")
HINDSIGHT = phrases(
    r"I should have",
    r"I wish I(?:'d| had)",
    r"I(?:'d| would) have (?:done|handled|started|asked|told|called|cut|moved|pushed|waited|"
    r"checked|stopped|said|gone|raised|flagged|escalated|spoken|talked)",
)
VAGUE_WORDING = phrases(
    r"various (?:stakeholders|teams|people|issues|things|reasons)",
    r"some (?:issues|challenges|"
    r"problems|situations|things|people|stakeholders|concerns)",
    r"things like that",
    r"(?:and )?stuff(?: like that)?",
    r"a lot of things",
    r"et cetera",
    r"etc",
    r"and so on",
    r"at some point",
    r"a while (?:ago|back)",
    r"different (?:teams|people|stakeholders|things)",
    r"(?:certain|several) (?:issues|things|people|challenges)",
    r"(?:kind of|sort of) a",
    r"(?:a|one) (?:project|company|team) (?:where|that)",
    r"whatever",
    r"somehow",
    r"(?:some|a) kind of (?:issue|problem|situation|thing)",
    r"(?:lots|a lot) of (?:moving parts|"
    r"back and forth|challenges|issues)",
    r"the usual",
    r"all (?:sorts|kinds) of",
)
CALLBACK = phrases(  # steering back to the prepared story
    r"as I (?:mentioned|said)(?: earlier| before)?",
    r"like I (?:said|mentioned)(?:,| earlier| before| at the start)",  # not "like I said to him"
    r"going back to",
    r"as I was saying",
    r"to get back to",
    r"(?:the|my) main point (?:is|was)",
    r"(?:but )?(?:again|anyway),? (?:the|what) (?:key|important|main) (?:thing|point)",
    r"let me (?:go back|return) to",
)

ADMISSION = phrases(  # owning a failure, a feeling about it, or not knowing
    OWNING,
    HINDSIGHT,
    r"(?:my|our) (?:fault|mistake)",
    r"I got it wrong",
    r"(?:honestly|to be honest),? I(?:'m| am)? (?:still )?(?:not sure|unsure|don't know)",
    r"I (?:felt|was) (?:\w+ )?(?:embarrassed|ashamed|scared|sick|afraid|defensive|angry|"
    r"frustrated|guilty|gutted|mortified|humbled|hurt|anxious|nervous|awful|terrible)",
    r"not proud",
    r"I regret",
    r"I still (?:wonder|think about|don't know)",
    r"I (?:took|take) (?:the )?(?:blame|responsibility)",
    r"(?:she|he|they) (?:is|are|was|were) (?:completely |quite |absolutely )?right"
    r"(?![- ](?:there|here|away|now|behind|next|in|at|on|outside|back|after|before|hand))",
)

UNTOLD_WORDS = frozenset(  # words that tell nothing on their own: the non-answer gate skips them
    """a an the you your yours me my i i'm i've i'd to of in on at for with about and or that
    this it its it's was were is are be been tell time when what which how did do does have has
    had would could should someone something there their they them we our us who from as by
    so but if then than just really very can can't cannot not no yes one any some all me
    myself give example describe walk through talk share situation moment kind sort well want
    work job why think that's it's there's right now tough hard question answer honestly actually
    sorry please later again lol haha blanking blank mind come back okay ok sure guess
    difficult hmm hmmm um uh rather yeah yep like where ive im dont stuff thing things
    definitely definately basically literally kinda sorta mean""".split()
)

# -- verbs -----------------------------------------------------------------------------

IRREGULAR_PAST = frozenset(
    """was were had did went got made took told wrote ran found saw built began felt knew thought
    left lost kept said sent spent chose gave brought led came caught held set put broke rebuilt
    forgot drove flew grew threw drew wore tore swore bore shook woke rode rose fell sold stood
    understood taught sought fought bought meant met paid sat slept swept wept won hung shot shut
    hit hurt cost cut quit split spread let read rang sang sprang sank drank swam struck stuck
    dug slid hid bit lit fed bled fled led sped bent lent rebuilt overtook undertook withdrew
    overheard oversaw mistook misread rewrote redid upheld became overcame forbade forgave
    froze spoke stole chose wove""".split()
)
# an amount or a count as said in a story ("$310K", "4,200", "3", "18%"): a phrase that ends
# in one must end after the whole of it, or the word boundary after it can never hold
AMOUNT = r"(?:\$|£|€)?\d(?:[\d,.]*\d)?(?:k|m|bn|%)?"
# a note's move: a line or sentence that opens with a past-tense verb, the "I" dropped
# ("Rolled back the picker.", "Told compliance same day.", "Didn't wait.")
NOTE_VERB = (
    r"(?:[A-Z][a-z]+ed|"
    + "|".join(w.capitalize() for w in sorted(IRREGULAR_PAST))
    + r"|Didn't|Did not)\b"
)
NOTE_MOVE = re.compile(r"^(?:[-*•]\s*)?" + NOTE_VERB)  # at the start of one sentence
# where a sentence or a note's line begins, for words that mean something only there
SENTENCE_START = r"(?:^|(?<=\n)|(?<=[.!?-] ))"

# -- people and time ---------------------------------------------------------------

ROLE_WORDS = (
    r"manager|boss|lead|director|vp|ceo|cto|cfo|coo|founder|owner|head of \w+|supervisor|"
    r"colleagues?|teammates?|peers?|engineers?|developers?|designers?|pm|pms|product manager|"
    r"analysts?|researchers?|scientists?|nurses?|doctors?|surgeons?|patients?|teachers?|"
    r"students?|parents?|customers?|clients?|users?|buyers?|sellers?|vendors?|suppliers?|"
    r"partners?|contractors?|auditors?|regulators?|lawyers?|legal|finance|sales|support|"
    r"ops|operations|security|compliance|qa|sre|on-call|interns?|juniors?|seniors?|new hires?|"
    r"reports?|staff|crew|drivers?|technicians?|agents?|reps?|editors?|reporters?|stakeholders?|"
    r"executives?|leadership|board|investors?|union|hr|recruiters?|mentors?|mentees?|"
    r"residents?|volunteers?|donors?|members?|guests?|shoppers?|cooks?|chefs?|dispatchers?|"
    r"pharmacists?|principal|council|mayor|officials?|government|agency|team|teams|squad|"
    r"department|org|company|competitors?|rivals?|controllers?|accountants?|clerks?|"
    r"coordinators?|officers?|inspectors?|foreman|foremen|planners?|buyers?|dentists?|"
    r"paramedics?|midwives|midwife|carers?|tutors?|coaches|coach|counsellors?|counselors?"
)
PEOPLE = phrases(ROLE_WORDS)
# one person the candidate disagreed with or settled it with: on a conflict question, the
# "we" that follows is the two of them ("me and our pm", "with the sous chef")
_ONE_PERSON = ROLE_WORDS.replace("s?", "") + r"|co-?worker|barista|co-investigator|counterpart"
COUNTERPART = phrases(
    rf"(?:me|i) and (?:my|our|the|a|this) (?:[\w-]+ ){{0,2}}(?:{_ONE_PERSON})\b(?!s)",
    rf"(?:my|our|the|a|this) (?:[\w-]+ ){{0,2}}(?:{_ONE_PERSON}) and (?:me|i)\b",
    r"\bi (?:disagreed|clashed|argued|fell out|butted heads|worked) with "
    rf"(?:my|our|the|a|this|one) (?:[\w-]+ ){{0,2}}(?:{_ONE_PERSON})\b(?!s)",
)
TIME_ANCHOR = phrases(
    r"(?:19|20)\d\d",
    r"(?:last|that|this|one|early|late) (?:year|spring|summer|fall|autumn|winter|quarter|"
    r"month|week|night|morning|evening|friday|monday|weekend|shift|sprint|season|term)",
    r"q[1-4]",
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)",
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?",
    r"\w+ (?:years?|months?|weeks?|days?) (?:ago|earlier|before|later|in)",
    r"(?:my|our|the) (?:first|second|third|last) (?:year|month|week|day|job|role|quarter)",
    r"(?:at|in|during) (?:my|our|the) (?:last|previous|old|first|current) (?:job|role|"
    r"company|team|position|employer|hospital|store|school|startup)",
    r"back (?:in|at|when)",
    r"once",
    r"(?:on|before|after|during) (?:the|a|my|our) (?:launch|release|migration|audit|"
    r"cutover|rollout|merger|outage|incident|shift|deadline|holiday|peak|inspection)",
)
PRESSURE = phrases(
    RISK,
    r"deadlines?",
    r"due",
    r"by (?:friday|monday|the end|end of|the next|next|then|morning|noon|tomorrow)",
    r"(?:in|within|only) (?:\w+ )?(?:hours?|days?|weeks?|months?)",
    r"(?:\w+|\d+) (?:hours?|days?|weeks?|months?) (?:left|out|away|before|to go)",
    r"launch(?:es|ing)?",
    r"go-?live",
    r"cutover",
    r"budgets?",
    r"money",
    r"short-?(?:staffed|handed)",
    r"understaffed",
    r"headcount",
    r"(?:out|off) sick",
    r"on leave",
    r"freeze",
    r"contracts?",
    r"regulat\w+",
    r"complian\w+",
    r"audits?",
    r"legal",
    r"polic(?:y|ies)",
    r"pressure",
    r"constraints?",
    r"limits?",
    r"only (?:one|two|three|\d|a few|half)",
    r"no (?:one|budget|time|staff|data|backup|tests?|docs?|documentation|owner|access)",
    r"couldn'?t (?:afford|hire|wait|stop|delay|move)",
    r"at stake",
    r"stakes",
    r"revenue",
    r"renewal",
    r"competitors?",
    r"rivals?",
    r"quarter",
    r"peak",
    r"holiday",
    r"season",
    r"legacy",
    r"patients?",
    r"promised",
    r"commit(?:ted|ment)",
    r"wanted (?:it|this|us|me)",
    r"pushing (?:for|us|me)",
    r"asked (?:us|me) to",
    r"(?:was|were) (?:already )?(?:late|behind|over)",
    r"overloaded",
    r"backlog",
    r"politics",
    r"(?:on|under) (?:call|fire|pressure)",
    r"tight",
    r"urgent",
    r"scared|worried|afraid|nervous",
    r"threat\w*",
    r"(?:the|our) only (?:\w+ )?(?:one|unit|person|team|option|way)",
    r"nobody had",
    r"(?:the )?newest",
    r"track record",
    r"(?:months|weeks) of (?:\w+ )?(?:work|validation|testing|review)",
    r"(?:un)?budgeted",
    r"on my own|alone",
    r"my first (?:week|day|month|shift)",
)
# -- an episode, told ---------------------------------------------------------------

HARM = phrases(  # harm done, though no cost is named as such
    r"lost|lose|losing|loss",
    r"broke|broken",
    r"angry|upset|furious",
    r"fired",
    r"refunds?",
    r"rolled back|reverted|cancel+ed|killed",
)
STAKES = phrases(
    SETBACK,
    RISK,
    HARM,
    r"break",
    r"down",
    r"money|revenue|\$\s?" + AMOUNT,
    r"customers?|clients?|patients?|users?",
    r"deadline",
    r"trust",
    r"pulled",
)
HABITUAL = phrases(
    r"I (?:would|usually|generally|typically|normally|always|tend to|try to|like to)",
    r"I'd",
    r"(?:in general|generally|usually|typically|normally)",
    r"you (?:should|have to|need to|want to|must)",
    r"(?:every|each) time (?:I|you|we)",
)
NO_EPISODE = phrases(
    r"(?:can'?t|cannot|don'?t) (?:really )?(?:think of|remember|recall)",
    r"(?:never|haven'?t|have not) (?:really )?(?:failed|had (?:a|one|any)|made a|been in)",
    r"nothing (?:comes|springs) to mind",
    r"no (?:real|big|major) (?:failures?|conflicts?|mistakes?|examples?)",
    r"I don'?t (?:really )?(?:fail|make mistakes|have conflicts|disagree)",
    r"not (?:really )?(?:sure|much)",
)

# -- decision -------------------------------------------------------------------------

DECISION = phrases(
    r"decided|decide|decision",
    r"chose|choose|chosen|picked|opted|went with|settled on|landed on",
    r"(?:made|make) the call",
    r"called (?:it|off|the)",
    r"said no|said yes|refused|declined|turned down|pushed back",
    r"stopped|paused|halted|pulled|froze|delayed|postponed|held (?:back|off)",
    r"rolled back|reverted|shipped|launched|escalated|killed|cut|dropped|kept|moved|split",
    r"told|asked|proposed|recommended|insisted|argued|pushed for|agreed to",
)
REASON = phrases(  # why a choice was made
    r"I (?:believed|figured|judged|reckoned|bet|reasoned)",
    r"because|becuase|becasue|beacuse",  # as typed in a hurry
    r"so that",
    r"since(?! then)",
    r"the reason (?:was|I|is)",
    r"(?:my|our) (?:main |only |simple |whole )?reasons? (?:was|were|is|being)",
    r"in order to",
    r"to (?:avoid|save|protect|prevent|close|meet|catch|cut|reduce|lower|speed up|free up|limit|"
    r"stop|hit|buy)",
    r"(?:told|explained to|showed) (?:\w+ ){0,2}why",
    r"knowing (?:that|it)",
    r"the (?:data|numbers|logs|evidence) (?:backed|showed|said|suggested)",
    r"my bet was",
    r"worth (?:it|the)",
    r"(?:it|that|this) (?:was|is|seemed|felt) (?:\w+ )?(?:safer|cheaper|faster|simpler|better|"
    r"worse|riskier|easier|harder|the only|reversible|irreversible)",
    r"the risk (?:of|was)",
    r"meant(?! to\b)",  # "which meant...", "one source meant one point of failure"
    r"given (?:that|the)",
    r"my (?:reasoning|thinking|logic) was",
    r"(?:that|this) way",
    r"otherwise",
    r"b/c|bc|cuz",  # "because" as typed in chat
    r"so (?:that )?(?:we|I|they|she|he|(?:the|our|my|his|her|their) \w+) (?:could|would|can|"
    r"wouldn't|couldn't|won't|didn't have to)",
    r"(?:I|we) knew (?:that )?(?:it|this|that|they|he|she|we|the \w+) (?:would|could|was|were|"
    r"wasn't|weren't)",
)
ALTERNATIVE = phrases(  # another road, named
    r"(?:picked|chose|went with|prioriti[sz]ed|preferred|favou?red) [^.;]{1,60}? over",
    r"(?:choose|chose|decide|decided|pick|picked|weigh|weighed|work out) (?:whether|between)",
    r"whether to [^.;?]{1,60}? or",
    r"(?:didn'?t|did not) (?:just )?(?:fight|push|escalate|wait|argue|ship|cancel|fire|go over|"
    r"say no|roll back|patch)",
    r"instead(?: of)?",
    r"rather than",
    r"considered",
    r"I (?:thought about|thought of|toyed with|played with the idea of) "
    r"(?:\w+ing|to \w+|just|only)",
    r"(?:the )?(?:call|choice|decision|question) (?:was|is) (?:mine|ours)?:",
    r"or (?:to )?(?:keep|wait|stay|hold off|ship|delay|cancel|escalate|roll back)",
    r"options?",
    r"alternatives?",
    r"could have(?! done)",
    r"weighed",
    r"decided (?:against|not to)",
    r"rejected",
    r"versus",
    r"vs\.?",
    r"trade-?offs?",
    r"either (?:\w+ ){1,6}or",
    r"the other (?:path|option|way|approach|choice)",
    r"I didn't want to",
    r"went with",
    r"on the (?:one|other) hand",
    r"two (?:\w+ )?(?:ways|paths|choices|approaches|options)",
    r"compared",
    r"the obvious (?:move|thing|fix)",
    r"tempt\w+",
    r"(?:instinct|plan|proposal|suggestion) was to",
    r"chose",
    r"opted",
    r"(?:thought|thinking) about (?:\w+ing)",
    r"pushed for",
    r"argued for",
    r"(?:wanted|suggested|proposed) (?:to|that|we)",
    r"three (?:options|choices|paths)",
    r"(?:picked|chose|went with|settled on|took) the (?:simplest|cheapest|fastest|safest|"
    r"smallest|quickest|least \w+|one that|option that|version that)",
    r"(?:looked at|compared|sketched|tried|got|weighed|drafted) (?:a few|several|two|three|four|"
    r"\d+) (?:options|versions|apps|vendors|tools|designs|approaches|candidates|quotes|bids|"
    r"plans|ideas|routes|suppliers)",
)
# Hints of a reason or a road not taken: enough when the question asked "why?" (the decision
# level), too weak to clear a whole story of no_alternatives.
REASON_HINT = phrases(
    r"'?cause",
    r"so (?:we|I|they|the|it|nobody|no one)",
    r"to (?:keep|stop|buy|get|make sure|be sure|give|limit)",
    r"I (?:thought|knew|felt|saw|wanted|needed|worried|feared|trusted|guessed|calculated|"
    r"estimated)",
    r"(?:would|could|might) (?:have )?(?:hurt|cost|break|lose|harm|mean|risk|leave|take)",
    r"(?:more|less|worse|better|cheaper|safer) than",
    r"mattered more",
    r"(?:too|so) (?:risky|slow|expensive|late|big|small)",
    r"if (?:we|I|they|it) (?:\w+ ){0,3}(?:would|could|might|will)",
    r"for (?:the|their|our) (?:sake|safety)",
)
ALTERNATIVE_HINT = phrases(
    r"(?:or|and not) (?:to )?(?:wait|ship|delay|keep|cut|push|escalate|stay|go|hire|fix)",
    r"not to",
    r"did not|didn't",
    r"over (?:the|a|an|shipping|waiting|delaying)",
)
NO_REASON = phrases(
    r"(?:it was|that was|seemed) (?:just )?(?:obvious|the only (?:way|thing))",
    r"(?:I )?(?:just )?did what (?:I|we) (?:had|was told|needed) to",
    r"had no (?:choice|option)",
    r"(?:it )?(?:just )?made sense",
    r"(?:the team|we|they|management|leadership|my manager|my boss) decided",
    r"(?:it )?was decided",
    r"went along",
    r"(?:just )?followed (?:the|my|our) (?:plan|process|manager|boss|instructions|policy|rules?|"
    r"procedure|protocol|gut)",
    r"(?:went|go) with my gut",
    r"(?:do|did|doing) the right thing",
    r"I just knew",
    r"strong values",
    r"(?:the )?obvious (?:choice|call|decision|answer)",
    r"(?:wasn'?t|not) really a decision",
    r"decision-making style",
    r"(?:wasn'?t|not) (?:really )?(?:up to me|my call|my decision)",
    r"any(?:one|body| good \w+| \w+) (?:in my (?:seat|place|shoes|position) )?would(?:'ve| have) "
    r"(?:\w+ )?(?:done|told|said|made|been|chosen)",
    r"what I thought was right",
    r"I always (?:choose|pick|go with|do) (?:the )?(?:right|ethical|best|safe)",
    r"(?:just )?how things (?:worked|work|were done)",
    r"(?:his|her|their) (?:shift|call|decision|project) to (?:run|make)",
    r"I (?:just )?(?:followed|went along with) (?:it|that|them|orders)",
    r"I went with it",
    r"(?:they|compliance|legal|leadership|management) made the call",
    r"made above my (?:level|head|pay grade)",
    r"safety first",
    r"I handled it professionally",
    r"holistic",
    r"productive tension",
)

# -- cost -----------------------------------------------------------------------------

FALLING = phrases(  # a number that fell: a cost only when what fell was worth having
    r"dropped|fell|declined|shrank|tanked|went down|(?:was|were) down|down (?:about|by|~)",
    r"down " + AMOUNT,
    r"less|slower|smaller|fewer",
)
RISING = phrases(  # a number that rose: a cost only when what rose is something nobody wants
    r"rose|went up|increased|grew|climbed|doubled|tripled|spiked|jumped",
    r"(?:got|grew|became|were|was) (?:\w+ )?(?:longer|worse|slower|bigger|higher)",
)
COST_MORE = phrases(  # costs in plain words that the story lists leave out
    HINDSIGHT,
    FALLING,
    r"fees|fined|fines|(?:a|the|late|regulatory|big|hefty) (?:fee|fine)",
    r"lost (?:sales|revenue|orders|customers|clients|business|money|deals?|hours|days|weeks|"
    r"ground|sleep|income|margin)",
    r"wr(?:ote|itten|ite) off|write-?offs?",
    r"(?:erased|wiped out|ate) (?:the|our|my|most|all|almost|half)",
    r"(?:did not|didn't|never) (?:reorder|renew|return|re-?sign)",
    r"(?:an? |one |two |three |\w+ )?(?:minutes?|hours?|days?|weeks?|months?) late",
    r"late (?:deliveries|orders|shipments|payments|invoices|reports)",
    r"(?:went live|shipped|finished|delivered|launched|loaded|opened|arrived|landed|submitted|"
    r"closed|came in|ended up|was|were|ran|started|began) (?:\w+ ){0,2}(?:late|over budget|behind)",
    r"(?:got|received|was given|were given) an? (?:\w+ )?warning",
    r"(?:points?|percent|%) short",
    r"(?:ran|fell|came up) short|short by|(?:was|were) short with",
    r"late by",
    r"(?:hours?|days?|nights?|weeks?|months?) (?:more|longer|extra)",
    r"went back to the old",
    r"stop(?:ped)? the (?:line|assembly|production|plant|rollout)",
    r"(?:sat|were|was|kept) waiting",
    r"(?:stay|stayed|staying) late",
    r"ticked off|pissed off|mad at",
    r"cut me (?:from|out|off)",
    r"missed (?:orders|targets?|calls|shifts|meetings|sales|revenue|the|our|a|" + AMOUNT + ")",
    r"(?:got|were|was) (?:the )?wrong",
    r"(?:up|increased|rose|went up) (?:about |by |~)?\d+ ?(?:min|minutes|hours|days|ms|%)",
    r"covered (?:my|for|her|his|their|the)",
    r"(?:took|picked up|carried) (?:my|her|his|their|the) (?:on-?call|shifts?|load|work|slack)",
    r"(?:instead of|not) (?:us|me)",
    r"(?:went|signed|moved|switched) (?:to|with) (?:a |the |our )?(?:rival|competitor|"
    r"someone else|another)",
    r"gave (?:away|back)",
    r"(?:fell|got|was|were) behind",
    r"(?:never|didn't|did not) (?:came|come|get|got) back",
    r"(?:less|no) time (?:for|with)",
    r"(?:my|her|his|their|our) (?:weekends?|evenings?|nights?|vacation|leave|holiday|bonus|"
    r"promotion|raise|rating|review|sleep|family|kids)",
    r"i (?:missed|skipped|dropped|lost|gave|spent|paid|burned|used up)",
    r"(?:she|he|they) (?:missed|skipped|dropped|lost|gave|spent|paid|quit|left|cried)",
    r"paid (?:for|in|with)",
    r"at (?:a|the) cost",
    # overruns, markdowns, closures, a home sold, work suspended, undone or held back
    r"(?:ran|run|running|went|gone) over (?:by|budget|time|schedule)",
    r"(?:had to|to) mark (?:\w+ ){0,4}down|marked (?:\w+ ){0,3}down|mark-?downs?",
    r"sold (?:her|his|their|my|our) (?:house|home|flat|car)",
    r"(?:site|shop|store|branch|caf[eé]|restaurant|business|plant|office|factory|clinic|ward|line|"
    r"depot) (?:\w+ )?(?:closed|shut)\b(?! (?:a|the|our|its|it|down) )",
    r"(?:was|were) suspended",
    r"had to be (?:reversed|redone|rebuilt|rewritten|scrapped|withdrawn|recalled|re-?run|undone)",
    r"(?:held|quarantined|recalled|pulled) (?:\w+ ){0,3}(?:product|stock|packs|batch(?:es)?|"
    r"pallets|units)",
    r"(?:was|were) off (?:sick|work|for)",
    r"(?:freight|costs?|spend|bill|overtime|premiums?) (?:went )?up",
    r"(?:not|never) (?:received|delivered|completed|done|finished|submitted|shipped) (?:within|by|"
    r"in time|on time)",
    r"(?:it|that|this) cost",
    r"on (?:me|her|him|them|us)",
    r"the bill",
    r"stuck with",
    r"(?:a|the) (?:bad|worse|low|lower|poor) (?:review|rating|score|quarter|month)",
    r"(?:hurt|strained|damaged|soured)",
    r"(?:in|with) hindsight",
    r"(?:if I did it again|next time|if I could redo it|looking back),? I(?:'d| would)",
    r"I(?:'d| would) (?:do|handle) (?:it|that|this|things) differently",
    r"(?:frustrated|annoyed|resented|unhappy|angry|upset)",
    r"didn'?t speak to me",
    r"(?:got|was|were|became|grew) (?:much |a lot |a bit )?(?:harder|worse|slower|colder|tense)",
    r"(?:got|was|were) (?:cut|dropped|killed|shelved|scrapped|pulled|cancel+ed|delayed|pushed)",
    r"(?:go-?live|launch|release|deadline|cutover|rollout|opening) (?:date )?(?:was|got|had to be) "
    r"(?:moved|postponed|rescheduled|pushed)",
    r"(?:an? |one |two |three |\w+-\w+ )?slip",
    r"(?:\w+'s|my|our|their|his|her) trust",
    r"sleep|vacations?",
    r"I cancel+ed",
    r"(?:won'?t|wouldn'?t|didn'?t|doesn'?t) (?:even )?(?:look at|talk to|speak to|trust) me",
    r"(?:cold|cool|frosty) (?:to|toward|with)",
    r"stressful|slammed|(?:sat|stayed) (?:unsold |in|on) (?:the )?(?:stockroom|warehouse|shelf|"
    r"shelves)",
    r"added (?:about |approx\.? |roughly |around |~)?" + AMOUNT,
    r"had to (?:issue|redo|re-?\w+|close|cancel|apologi[sz]e|explain|pay|refund|write|credit|"
    r"cover|comp)\b",
    r"(?:shipped|delivered|went out|arrived|came in) short",
    r"(?:was|were|felt|got) (?:very |quite |pretty |really )?(?:uncomfortable|painful|awkward|"
    r"embarrassing|cold)",
    r"stopped (?:talking|to talk|speaking) (?:to|with)",
    r"ended up (?:leaving|quitting|losing|paying|redoing)",
    r"make-?ups?|do-?overs?|re-?work",
    r"fell (?:through|apart)",
    r"(?:the |that )?(?:whole|entire) (?:weekend|night)|all (?:weekend|night)",
    r"(?:higher|extra|additional) (?:costs?|price|spend)",
    r"(?:at |with )?reduced (?:capacity|hours|pay|service|staff)",
    r"(?:received|got|sold|recovered|collected|kept) only",
    r"walk(?:ed)? (?:it )?back",
    r"irritated|disappointed",
    r"needed (?:\w+ )?(?:extra|more|another)",
    r"(?:short of|below|under) (?:the |our |its |their |a )?(?:\w+ )?(?:target|goal|plan|forecast)",
    r"failed for (?:a|an|about|over|almost|nearly|\d|two|three|several)",
    r"nobody budgeted|unbudgeted|(?:still|were|was) down (?:till|until|for)",
    r"(?:wasn't|weren't|was not|were not|not) (?:very |too |that |really )?(?:happy|pleased|"
    r"impressed|satisfied|thrilled)",
    r"had to go back to (?:the |our |my )?(?:owner|client|customer|board|drawing board)",
    r"(?:did not|didn't|never) (?:really )?(?:speak|talk)(?: much| again| to)",
    r"pushed (?:\w+ ){0,3}back (?:by )?(?:a|an|one|two|three|four|five|\d+) "
    r"(?:days?|weeks?|months?)",
    r"(?:were|was) useless|start(?:ed)? over",
    r"flop(?:ped)?|(?:were|was|got) mad",
    r"barely (?:speak|spoke|talk|talked|said)|rubbish jobs|worst (?:jobs|shifts)",
    r"chaos|chaotic",
    r"(?:went|going|sent|shipped|delivered|routed) to (?:the )?wrong",
    r"affecting",
    r"later than (?:the|planned|expected|promised|we|I)",
    r"rough (?:weeks?|days?|months?|patch|start|night)",
    r"extra (?:days?|hours?|weeks?|nights?)",
)
BAD_MEASURE = phrases(  # things a story is glad to see fall ("complaints dropped by a third")
    r"errors?|complaints?|churn|tickets?|waits?|wait times?|defects?|incidents?|costs?|"
    r"delays?|returns?|bugs?|turnover|falls?|mistakes?|backlog|spend|overtime|no-?shows?|"
    r"absences?|escalations?|failures?|crashes|downtime|latency|claims|rejects?|rejections?|"
    r"injuries|scrap|waste|variance|false (?:positives?|alarms?)|pages|alerts?|outages?|"
    r"misses|shortages?|stockouts?|queues?|handle time|cycle time|lead time|re-?work|rework|"
    r"(?<!on )time|times|risk|noise|friction|confusion|fraud|losses",
)
NO_COST = phrases(
    r"(?:no|not (?:a|any|much|really a)|wasn'?t (?:a|any|really a|much of a)|there was no|"
    r"without (?:any|a)|didn'?t (?:have|cost) (?:a|any|anything|much)|nothing) (?:real |big |"
    r"major |actual )?(?:downside|cost|trade-?off|price|loss|sacrifice|negative|friction|pushback|"
    r"problem|issue|impact|harm|damage)s?",
    r"(?:didn'?t|did not|never) (?:really )?(?:cost|lose|give up|sacrifice) "
    r"(?:anything|much|us|me)",
    r"(?:it|everything) (?:all )?(?:worked|turned) out",
    r"win-?win",
    r"nothing,? really",
    r"(?:honestly,? )?(?:not|nothing) (?:much|really)(?: anyone| anything)?",
    r"paid off",
    r"came out (?:stronger|better|ahead)",
    r"(?:a )?(?:good|great|positive) (?:experience|outcome)",
    r"went (?:great|well|fine|smoothly)",
    r"(?:was|were) (?:thrilled|delighted)",
    r"everyone was (?:glad|happy|pleased)",
    r"in a way it (?:actually )?worked",
    r"(?:gave|give) up nothing",
    r"(?:lost|lose) (?:anything|nothing)",
    r"(?:not|no) (?:a |very )?big (?:cost|deal|loss)",
    r"nobody,? really",
    r"(?:wasn'?t|isn'?t|not) (?:that|so|too) bad",
    r"(?:pretty|fairly|mostly) contained",
    r"(?:never|didn'?t) even (?:saw|see|notice\w*)",
    r"(?:don'?t|do not|never) regret",
    r"(?:a |big |huge |great |total )success",
    r"(?:this|that|it) is normal",
    r"(?:most of them|they all) (?:come|came) back",
    r"not (?:like it was|really) on me",
    r"can'?t put a price",
    r"(?:the )?only (?:real )?(?:cost|downside|price|thing (?:I|we) (?:lost|gave up))",
    r"happy to (?:give|pay|do|put in)",
    r"came around|got over it|blew over",
    r"(?:more of )?an investment",
    r"(?:more than )?paid for itself",
    r"net (?:positive|win|gain)",
    r"saved (?:\w+ ){0,3}more than",
    r"(?:nothing|little) compared",
    r"(?:a|was a) gift",
    r"cost (?:very little|almost nothing|nothing)",
    r"not (?:that|a) (?:much|lot)",
    r"bounced back",
    r"rather not dwell",
    r"(?:ended up|actually) strengthen\w*",
    r"the (?:bigger|real) (?:issue|problem) (?:was|that year)",
    r"nobody (?:lost|was hurt|was affected|minded)",
    r"no one (?:lost|was hurt|was affected|minded)",
    r"(?:totally|definitely|absolutely) worth it",
    r"(?:not|wasn'?t) (?:really )?(?:much|anything) (?:lost|given up)",
    r"(?:don'?t|do not) think (?:there was|there were|it cost|we (?:gave up|lost)|"
    r"I (?:gave up|lost))(?: (?:a|any|anything|much))?(?: real| truly| really)?"
    r"(?: downside| cost| loss)?",
    r"(?:any|no) ?(?:one|body) (?:truly |really )?lost out",
    r"no (?:real )?(?:complaints|regrets)",
    r"(?:wasn'?t|not) all bad",
    r"overall,? it was (?:a |the )?(?:big |huge )?(?:success|win|right (?:decision|call|thing))",
    r"(?:was )?(?:gonna|going to) (?:die|happen|fail|break) anyway",
    r"everyone understood",
)

# -- meta-reflection ---------------------------------------------------------------

SELF_PATTERN = phrases(
    r"(?:I(?:'m| am) )?still (?:bad|itch\w*|struggl\w*|catch(?:ing)? myself|working on|tempted|"
    r"have to|want to|reach|default|feel the|feel a)",
    r"(?:just |much |far )?(?:better|worse|faster|slower) at",
    r"about myself",
    r"I tend",
    r"I(?:'m| am) (?:the kind|someone|a person|the person|the type|the one) (?:of person )?"
    r"(?:who|that)",
    r"my (?:\w+ )?(?:instinct|default|pattern|habit|tendency|blind ?spot|ego|pride|need|reflex|"
    r"weakness|fear|bias|temptation|first move|first reaction|comfort zone|impulse|urge|"
    r"style|way of)",
    r"I (?:realized|realised|learned|learnt|noticed|saw|found out|discovered|admitted|"
    r"accepted|understood) (?:that )?I",
    r"(?:it|that|this) (?:showed|taught|told) me (?:that )?(?:I|my own)",
    r"turns out I",
    r"(?:a|my) part of me",
    r"I have a (?:habit|tendency|need|blind spot|bias|weakness)",
    r"I used to (?:think|believe|assume|be)",
    r"when I(?:'m| am) (?:\w+ )?(?:tired|stressed|under pressure|anxious|confident|rushed|"
    r"scared|busy|sure|certain|excited|behind|new|senior|in charge)",
    r"I(?:'m| am) (?:\w+ ){0,2}(?:prone|quick|slow|tempted|inclined|likely|afraid|uncomfortable|"
    r"comfortable|bad|worse|better|good) (?:to|at|with|when)",
    r"I (?:find it|find that) (?:hard|easy|difficult)",
    r"(?:it is|it's) (?:hard|easy|difficult) for me",
    r"I (?:over|under)-?\w+",
    r"I(?: would|'d) rather (?:\w+ ){0,8}than",
    r"I(?:'d| had) been (?:\w+ing|too|more|less)",
    r"(?:makes?|made) me (?:more |less |too |so )?\w+",
    r"(?:it|that) (?:is|was|'s) (?:hard|easy|harder|easier) for me",
    r"I(?:'m| am) (?:most|least|at ease|at my (?:best|worst)) (?:\w+ )?"
    r"(?:when|with|if|about|under)",
    r"my (?:\w+-)?(?:\w+ing|habit|instinct|need|fear|ego|style|default|reflex|confidence|anxiety|"
    r"nerves|pride|impatience|perfectionism) (?:is|are|was|were)",
    r"I (?:care|worry) (?:more|too much|less) about",
    r"blind ?spot",
    r"I (?:don'?t|do not|rarely|never|seldom) (?:notice|ask|look|see|check|listen|delegate|"
    r"trust|let go|say no|speak up|push back|admit)",
    r"I (?:often|always|usually|sometimes|still|easily|too easily|quickly) (?:\w+ )?"
    r"(?:assume|confuse|mistake|treat|want|need|take|jump|skip|avoid|trust|hide|grab|reach|"
    r"rescue|fix|say|do|go|default|forget|miss|wait|push|hold|overthink|overcommit)",
)
SELF_VACUOUS = phrases(
    r"(?:learned|learnt|grew|taught me) (?:a lot|so much|many things)(?: about myself)?",
    r"(?:a|one) (?:better|stronger|more mature) (?:person|leader|engineer|manager)",
    r"I(?:'m| am) (?:a )?(?:perfectionist|hard worker|hard-working|very dedicated|too honest|"
    r"too nice|a people person|a team player)",
    r"care too much",
    r"work too hard",
)
WORLD_LESSON = phrases(  # lessons about the world, not the speaker
    r"(?:communication|teamwork|trust|planning|testing|feedback|documentation|collaboration|"
    r"transparency|honesty) is (?:\w+ )?(?:key|important|crucial|essential|everything|vital)",
    r"(?:teams|people|companies|managers|leaders) (?:need|should|must|have to)",
    r"(?:it's|it is) (?:always )?(?:important|crucial|key|essential) to",
)

# -- worldview ----------------------------------------------------------------------

CARRIED_FORWARD = phrases(
    NOW_PRACTICE,
    r"what I (?:changed|change|do (?:now|since|differently|these days)|still do|took from it)",
    r"rule now",
    r"\w+ (?:\w+ )?since(?= *[.!;\n]| *$)",
    r"now,? I",
    r"(?:these days|nowadays|today|since then|ever since|from then on|from that (?:day|point|"
    r"night|week) on|after (?:that|this)(?: (?:day|night|incident|episode|project|one|"
    r"experience|mistake))?),? I",
    r"I(?:'ve| have) (?:since )?(?:started|stopped|made it|begun|adopted|kept|used|done|applied|"
    r"built|written)",
    r"(?:my|a|one) (?:\w+ )?(?:rule|heuristic|principle|test|habit|default|check|question|"
    r"practice|policy|line)(?: of thumb)? (?:is|now|I)",
    r"rule of thumb",
    r"(?:rule|heuristic|principle|test|habit|default)s?:",
    r"I ask (?:myself|whether|who|what|if|how|for)",
    r"the (?:first )?question I (?:ask|now)",
    r"(?:before|whenever|every time|each time|any time|when) I (?:\w+ ){0,5}(?:I|now)",
    r"I (?:start|begin|open|end|close) (?:every|each|with|by)",
    r"I (?:make|made) (?:a point|sure)",
    r"(?:last|this|next) (?:month|week|year|quarter|spring|summer|fall|winter),? I",
    r"on (?:the|my) (?:next|following|last) (?:\w+ ){0,2}(?:project|launch|migration|team|"
    r"job|role|release|incident|shift|hire)",
    r"(?:did|used|tried|applied) (?:it|that|this) (?:again|on|when|with|last)",
    r"I (?:always|never)",
    r"I(?:'d| would) (?:now |still )?rather",
    r"I (?:also )?stopped [a-z]+ing\b",  # "I also stopped accepting samples from..."
    # a change shown on the next occasion, a view changed, advice passed on, a change named
    r"(?:(?:two|three|four|five|six|a few|several|\d+) (?:years?|months?|weeks?) later|the "
    r"(?:following|next) (?:autumn|spring|summer|winter|year|season|term|quarter|project|time|"
    r"month)),? (?:I|when I|on)",
    r"I came to (?:think|see|believe|understand|reali[sz]e|trust)",
    r"wish (?:someone|somebody|anyone) had told me",
    r"the change I made (?:was|is)",
    r"I (?:ask|write|check|run|keep|book|block|schedule|send|share|put|pair|treat|assume|name|"
    r"budget|set|wait|sleep on|plan|test|measure|say|tell|call|give|let|look|read|trust|"
    r"default|separate|require|insist)",
)
MAXIM = re.compile(  # a sentence stated as a general rule: "When X, do Y." / "Ask who pays."
    r"(?:^|[.!?:;]\s+|\n\s*[-*•]?\s*)(?:when|if|whenever|before|once|any time)\b[^.]{3,120},"
    r"\s*(?:\w+ )?(?:the|a|I|you|we|make|ask|do|get|gets|is|are|say|write|check|treat|assume|"
    r"find|go|don'?t|never|always|stop|wait|pick|slow|call|look|cut|take)\b"
    r"|(?:^|[.!?:;]\s+|\n\s*[-*•]?\s*)(?:design|make|ask|disagree|assume|write|treat|check|test|"
    r"start|keep|never|always|don'?t|do|find|build|trust|give|tell|put|plan|choose|default|"
    r"pick|slow|call|cut|wait|measure|separate|name|say|budget|decide|listen|share|raise)\b",
    re.IGNORECASE,
)
VAGUE_CHANGE = phrases(
    r"(?:approach|see|handle|do|think about) (?:things|it|everything|situations|this) "
    r"(?:very |a lot |so )?differently",
    r"changed (?:everything|a lot|me|my life|how I see things)",
    r"(?:more|very) (?:careful|aware|mindful|thoughtful) now",
    r"(?:it|that) (?:really )?(?:stuck|stays|stayed) with me",
)

# -- not an answer --------------------------------------------------------------------

DONT_KNOW = phrases(
    r"(?:i )?(?:honestly |really |just )?(?:don'?t|do not|dont|dunno|do n't) (?:really )?"
    r"(?:know|remember|recall|have (?:one|an answer|an example|anything))",
    r"dunno",
    r"no idea",
    r"not sure",
    r"idk",
    r"pass",
    r"skip",
    r"next question",
    r"no comment",
    r"(?:i )?(?:can'?t|cannot|couldn'?t) (?:really )?(?:think of|remember|say|come up with)"
    r"(?: (?:one|any|anything|an example))?",
    r"(?:I'd|I would|I'll|I will|let me) (?:have to |need to )?think about (?:it|that)",
    r"nothing",
    r"n/?a",
    r"none",
    r"no",
    r"yes",
    r"maybe",
    r"hmm+|um+|uh+|er+|ok(?:ay)?|well|so|yeah|like|sorry",
    r"good question",
    r"(?:come|get) back to (?:this|it|that)(?: one)?",
    r"(?:I'?m|I am) (?:blanking|drawing a blank)",
    r"my mind (?:is|went) (?:blank|empty)",
    r"(?:I'?d|I would) rather not (?:answer|say|talk about)(?: (?:that|this|it))?",
    r"let me think",
    r"nothing(?:'s| is)? (?:really )?(?:coming|comes to mind|springs to mind)",
    r"(?:I )?(?:would |'d )?prefer not to (?:answer|say|talk about|discuss)",
    r"(?:I )?(?:can'?t|cannot) answer (?:this|that|it)(?: one)?",
    r"(?:can|could|do) we (?:maybe )?(?:do|come back to|skip|move on from|go to) (?:it|this|that|"
    r"the next)(?: one| question)?(?: later)?",
    r"(?:maybe )?(?:we|I) (?:do|come back to) (?:it|this|that) later",
    r"(?:I'?ve |I have )?never (?:really )?had (?:a |any )?(?:real )?(?:conflicts?|disagreements?|"
    r"problems?|issues?)(?: with (?:anyone|anybody))?",
    r"(?:I )?get along with (?:basically |pretty much )?(?:everyone|everybody)",
    r"I never miss(?:ed)? (?:a |any )?deadlines?",
    r"(?:I'?m|I am) (?:a (?:bit|little) |so |really )?nervous",
    r"you know how it is",
    r"people are people",
)
ASIDE = phrases(  # talk to the interviewer about the call itself, not an answer
    r"can you (?:see|hear) me",
    r"(?:hang on|hold on|one sec(?:ond)?)",
    r"before (?:that|we start)",
    r"can I ask",
    r"is (?:this|the) (?:role|job|position) (?:\w+ )?(?:hybrid|remote|in office|full[- ]time)",
    r"(?:my|the) (?:camera|mic|microphone|connection|wifi|audio) (?:keeps|is|was)",
    r"you'?re (?:breaking|cutting) up",
    r"notice period|(?:hand(?:ed)? in|give|gave|serve|serving|on) (?:my |a |the )?(?:\w+ )?notice",
    r"(?:weeks?|months?)'?s? notice",
    r"hybrid|remote days|(?:days )?in (?:the )?office",
    r"commute",
    r"pay range|salary (?:range|band|expectations?)",  # the offer, not a story's compensation paid
    r"(?:the|my) (?:salary|compensation) (?:for|on) (?:this|the) (?:role|job|position)",
    r"(?:about|what(?:'s| is)) the (?:salary|compensation|pay)\b",
    r"why I left",
    r"(?:the )?(?:main )?reason I'?m (?:looking|leaving)",
    r"does that work for you",
    r"let me (?:first )?explain",
    r"give me a (?:second|sec|moment|minute)",
    r"what was the question(?: again)?",
    r"catch(?:ing)? my breath",
)
OFF_WORK = phrases(  # life outside work: the work words near these are not about work
    r"outside (?:of )?(?:work|the office|my job)",
    r"(?:in|on) my (?:free|spare|own) time",
    r"my (?:free|spare) time",
    r"(?:with|and|for) my (?:dad|mum|mom|father|mother|son|daughter|partner|wife|husband|kids|"
    r"children|family|grandad|grandfather|grandmother|grandma)\b(?! (?:and I|to work|at work))",
    r"(?:on|at) (?:the )?weekends?",
    r"(?:last|this|every|the other|(?<!in )one) weekend",  # not "1,200 SKUs in one weekend"
    r"(?:most|many|some) (?:weekends|saturdays|sundays|evenings)",
    r"on (?:sundays|saturdays|sunday mornings|weekday evenings)",
    r"evenings? a week",
    r"my (?:partner|wife|husband|kids?|son|daughter|dog|cat|sister|brother|nan|grandma)"
    r" and I",
    r"hobb(?:y|ies)",
    r"for fun",
    r"(?:getting|got|been|really|super) (?:really )?(?:into|in to) \w+",
    r"^\W*(?:weekends|evenings|sundays|saturdays),? I",
    r"(?:with|walk\w*|feed\w*) (?:the|my) (?:dog|cat|kids|garden)",
    r"(?:half[- ])?marathons?|triathlons?|hiking|(?<!thermal )(?<!power )cycling|sourdough|"
    r"gardening|"
    r"(?:my|the) guitar|(?:my|the) piano|road trip|(?:my|a|on) vacation|on holiday",
    r"(?:ran|run|running|cycled|swam|hiked) (?:\w+ )?(?:times a week|miles|kilomet\w+|km)",
    r"football|soccer|rugby|cricket|netball|fishing|allotment|under-\w+s",
    r"my (?:lad|boy|girl|kid|son|daughter)'s",
    r"sightseeing|temples?|sketch(?:ed|ing)|(?:my|a|the) (?:holiday|trip)|travel(?:l?ed|l?ing) "
    r"(?:to|around|through)",
    r"sail(?:ing|ed|s)?|(?:key|sail)?boats?|regattas?|racing series|movies?|cinema|film reviews?|"
    r"christmas|thanksgiving|birthdays?|recipes?",
    r"my (?:rescue |new |old |first )?(?:dog|cat|puppy|kitten|greyhound|horse|pony|pets?)\b",
    r"pottery|ceramics|knitting|crochet|choir|(?:night|evening|dance|art|cookery) class(?:es)?",
    r"on (?:monday|tuesday|wednesday|thursday|friday) (?:nights|evenings)",
)
RESUME = phrases(  # a CV recited: the answer to "tell me about yourself", not to a story question
    r"my (?:\w+ )?background",
    r"graduated",
    r"(?:a |my )?(?:master'?s|bachelor'?s|phd|mba)?(?: degree)? in [a-z]+ (?:engineering|science|"
    r"management|studies|administration)",
    r"degree",
    r"certifi(?:ed|cate|cation)",
    r"proficient",
    r"tech stack",
    r"(?:core |key )?(?:skills|strengths)",
    r"\d+\+? (?:yrs|years) (?:of |in )?(?:experience|\w+ (?:engineering|operations|management))",
    r"I(?:'ve| have) been (?:working|coding|programming) (?:with|in|on)",
    r"(?:progressing|moved|promoted|rising) (?:in)?to",
    r"licen[cs]e",
)
REFUSAL = phrases(  # declining to answer at all
    r"(?:I'd|I would) (?:\w+ly )?(?:prefer|rather) not (?:to )?(?:answer|say|go into|share|"
    r"get into|"
    r"talk about|offer)",
    r"(?:I'm|I am) not (?:comfortable|going to) (?:answer|shar|go into|talk)\w*",
    r"(?:let me|I'll|I will|can I|I'd like to|I think I'll) (?:\w+ly )?(?:pass|skip) "
    r"(?:on )?(?:this|that|it)",
    r"(?:happy|glad) to (?:talk|speak) about (?:almost |just about )?anything else",
    r"(?:I )?(?:decline|refuse) to answer",
    r"(?:I'll|I will|I'd|let me|I'm going to) (?:just )?say pass",
    r"pass (?:for now|on (?:this|that) one)",
)
TOWARD_HERE = phrases(  # an answer to "why here?" says something about the place or the work
    r"you|your|role|position|team|join\w*|mission|values?|safety|product\w*|research|"
    r"(?<!way )(?<!came )(?<!come )(?<!got )(?<!moved )here|"  # not "on the way here"
    r"compan\w+|work(?:ing)? (?:on|with|at|for)|ai|models?|users?|customers?",
    r"I(?: really)? (?:want|would like|'d like|hope) to (?:build|work|help|learn|grow|lead|make|"
    r"join|be)",
)
ABOUT_THE_QUESTION = phrases(  # talk about the question instead of an answer to it
    r"(?:the|this|that|a|your|such a|those) (?:\w+ ){0,2}questions?",
    r"(?:you(?:'d| would) like|you want(?:ed)?) to (?:hear|know) about",
    r"worth (?:reflecting|thinking) (?:on|about)",
    r"(?:getting|driving) at",
    r"in (?:some|one) form",
    r"(?:it|that|this) (?:would |all |really )?depends?",
    r"(?:would|will) depend",
    r"meaning a time",
    r"what (?:\w+ )?(?:we|you) mean",
)
WORKED_OUT = (  # "it all worked out", not "we worked out of their office", "my work out front",
    # "what I worked out is..." (figured out)
    r"(?:(?:it |everything |things )?(?:all )?(?<!i )(?<!we )(?<!you )(?<!they )worked|"
    r"(?:it'll|it will|things|everything will|all) (?:all )?work) out(?: (?:fine|well|great|okay|"
    r"in the end|for the best))?(?! (?:of|a|an|the|how|what|that|which|who|why|where|when|"
    r"with|to|at|in|on|my|our|his|her|their|its|every|each|some|any|\d+)\b)"
)
WIN = phrases(  # an outcome told as a win
    r"succe\w+",
    r"praised",
    r"promoted",
    r"thanked",
    r"recogni[sz]ed",
    r"award\w*",
    r"record",
    r"saved",
    r"won",
    r"flawless\w*",
    r"on time",
    r"ahead of schedule",
    r"celebrat\w+",
    WORKED_OUT,
    r"turned out (?:great|well|fine)",
    r"happier",
)
HEROICS = phrases(  # one's own overtime and solo rescue told as a badge, not as a cost
    r"stayed (?:late|up)",
    r"(?:worked|working|work) (?:\w+ ){0,3}(?:weekends?|nights?|evenings?|day and night|"
    r"around the clock|late)",
    r"(?:over|through|every|on) (?:the |a |\w+ )?weekends?",
    r"day and night|around the clock|all-?nighters?",
    r"(?:fixed|did|handled|rebuilt|solved|redid|rewrote|sorted) (?!not )(?:\w+ ){0,4}"
    r"(?:myself|solo|single-?handedly|on my own)",
    r"took (?:it|everything|the \w+) on myself",
    r"the work of (?:two|three|four|\w+) people",
    r"took on (?:far |way |much )?(?:more|too much)",
    r"(?:worked|work) (?:very |really |so |extremely )?hard",
    r"put in the hours",
    r"push(?:ed)? through",
    r"reviewed everyone'?s",
    r"(?:nobody|no one) else could",
)
HAPPY_END = phrases(  # an ending told as a win for the people served
    WIN,
    r"(?:client|customer|manager|boss|leadership|professor|users?|team|everyone|stakeholders?) "
    r"(?:was |were |ended up |is |are )?(?:very |extremely |really |super )?(?:happy|pleased|"
    r"thrilled|satisfied|delighted|loved it)",
    r"(?:client|customer|team) loved",
    r"extended the contract",
    r"delivered (?:successfully|on time)",
    r"(?:best|strongest) (?:quarter|year|month|launch)",
)
PIVOT = phrases(  # turning from the question to a pitch of oneself: an aside on its own
    r"(?:what|the thing) I'?d (?:most )?like you to know",
    r"(?:instead|first),? let me tell you about (?:me|myself)",
)
POSITIVE = phrases(  # a success told as such
    r"proud\w*",
    r"loved",
    r"great (?:work|job|success|result)",
    r"(?:huge|big|real) success",
    r"went (?:great|perfectly|really well)",
    r"best (?:\w+ )?(?:ever|we had)",
    r"thrilled",
)
FIND_OUT = phrases(  # an honest gap that comes with a way to close it
    r"(?:I'd|I would|I will|I'll|I could|I can|I'm going to) (?:\w+ ){0,3}(?:find out|check|"
    r"ask|look|test|measure|try|read|call|start|dig|learn)",
    r"here'?s how I(?:'d| would)",
    r"(?:the|my) (?:way|plan) to find out",
    r"what I(?:'d| would) (?:do|want|need|look)",
    r"I (?:\w+ ){0,2}(?:asked|checked|read|tested|measured|looked)",
)
WORK = phrases(  # words of a working life: an answer with none of them is about something else
    ROLE_WORDS,
    r"work\w*|jobs?|projects?|shifts?|roles?|office|code|product|launch\w*|meetings?|plans?|"
    r"process(?:es|ed|ing)?|deadlines?|tasks?|tickets?|systems?|releases?|features?|data|reports?|"
    r"business|school|class|hospital|ward|store|shop|warehouse|kitchen|site|plant|lab|tech|"
    r"technolog(?:y|ies)|"
    r"research|study|career|company|startup|firm|mission|safety|values?|feedback|decisions?|"
    r"mistakes?|fail\w*|wrong|conflict|disagree\w*|argu(?:e|ed|es|ing|ments?)|hire|hired|fired|promot\w*|"
    r"budget|money|cost|learn\w*|mentor\w*|lead\w*|manag\w*|interview\w*|ai|model|policy",
    r"passengers?|routes?|depot|rota|paperwork|buses|bus|trucks?|vans?|lorr(?:y|ies)|"
    r"deliver(?:y|ies|ed)|pallets?|invoices?|tills?|inspections?|audits?",
    r"eng|engineering|testing|tested|shipped|units|returns|designed|curators?|museum|"
    r"galler(?:y|ies)|exhibit\w*|visitors?|contracts?|proposals?|accounts?|sprints?",
    r"orders?|customers?|clients?|patients?|errors?|retailers?|suppliers?|vendors?|colleagues?|"
    r"stock|inventory|skus?|rollout|outage|incidents?|shipments?|compliance|regulators?",
)

# -- talk in general, not about one time ----------------------------------------------

GENERIC_TALK = phrases(
    VAGUE_WORDING,
    r"all the time",
    r"every (?:day|week|single day)",
    r"all day",
    r"plenty of times",
    r"(?:a|the) lot of times",
    r"(?:part of|comes with) the (?:job|territory|business|work)",
    r"(?:that'?s|it'?s) (?:just |kind of |sort of )?(?:the|how the) (?:business|job|way it goes|"
    r"nature of)",
    r"every(?:body|one) (?:does|has|fails|makes)",
    r"happens? (?:a lot|all the time|sometimes|often|everywhere)",
    r"here and there",
    r"nothing (?:big|major|serious|dramatic|really)",
    r"(?:don'?t|do not|never) really (?:have|had|get|fail|make)",
    r"you (?:never|always|make|know how|get|deal)",
    r"in (?:restaurants|nonprofits|logistics|startups|general|any (?:org|company|team|job)|"
    r"this (?:industry|business|line of work))",
    r"(?:pretty|fairly|totally) (?:normal|typical|standard|usual)",
    r"(?:normal|typical|usual|classic) (?:\w+ )?(?:stuff|tension|project|situation|thing|"
    r"pressure|startup|day|week)",
    r"as (?:there )?always (?:is|are|was)",
    r"lots? (?:of|going on)",
    r"(?:various|different|many|several) (?:stakeholders|people|teams|directions|views|"
    r"opinions|priorities|things|issues|reasons)",
    r"(?:some|certain) (?:themes|issues|things|stuff|challenges|tension)",
    r"that kind of thing",
    r"(?:it|that) (?:was|is) complicated",
    r"a (?:busy|stressful|hard|tough|crazy|hectic) (?:time|period|quarter|year)",
)
ONLY_THE_TASK = phrases(  # a sentence of "context" that says whose job or call it was, no force
    r"my (?:job|role|task|responsibility|call|decision)(?:,? \w+){0,2},? (?:was|is)",
    r"(?:that|this|it) was (?:all )?(?:my (?:job|role|task|call|decision|responsibility)|on me|"
    r"up to me|mine)",
    r"I was (?:responsible|in charge|the one|accountable|on the hook)",
    r"I owned",
    r"I (?:had|needed|was supposed) to (?:decide|choose|pick|make (?:a|the) call|give (?:a|an)|"
    r"sign off|say yes or no|approve)",
    r"I needed (?:it|this|that) to",
    # a coda that names the set-up instead of telling it: "So that was the situation."
    r"(?:that|this|it)(?:'s| is| was) (?:(?:just|basically|really|kind of) )?(?:the (?:situation|"
    r"job|task|context|problem|plan|story|setup|set-up|background)|what I (?:was|had|needed|did)"
    r"\b)",
)
VAGUE_PEOPLE = phrases(  # people only as a faceless crowd
    r"stakeholders?",
    r"everyone|everybody",
    r"people",
    r"(?:the )?teams?",
    r"(?:the )?company",
    r"(?:the )?org(?:anization)?",
    r"leadership",
    r"management",
)
NO_CHANGE = phrases(  # a worldview that says nothing changed
    r"(?:handle|do|approach|deal with|treat|run) (?:\w+ ){0,2}(?:the )?same way",
    r"same as (?:always|before|ever)",
    r"as (?:I )?always (?:did|have|do)",
    r"nothing (?:really )?(?:changed|different)",
    r"(?:wouldn'?t|would not) change (?:a thing|anything)",
    r"(?:do|did) (?:it|everything) (?:exactly )?the same",
)
PLATITUDE = phrases(  # rules that fit every story, so they say nothing about this one
    r"(?:quality|safety|(?:the )?customers?|(?:the )?users?|people|the team|family|patients|"
    r"students|kids) "
    r"(?:always )?(?:comes? )?first",
    r"(?:always )?test (?:thoroughly|everything|more)",
    r"(?:always )?do (?:what'?s|the) right(?: thing)?",
    r"lead by example",
    r"(?:always )?(?:give|giving) (?:it )?(?:my|your|100|110)",
    r"(?:do|try) (?:my|your) best",
    r"work (?:hard|harder|smarter)",
    r"feedback is a gift",
    r"(?:good|great) (?:managers|leaders|engineers|teams) (?:\w+ ){0,3}(?:give|listen|communicate|"
    r"care|trust|support|are)",
    r"(?:be|stay) (?:more )?(?:careful|proactive|positive|humble|open|flexible|honest)",
    r"(?:listen|communicate) (?:more|better|early|often|clearly)",
    r"(?:more|a lot more|much more) (?:thoughtful|careful|aware|mindful|open)",
    r"value (?:feedback|people|input|everyone)",
    r"(?:quality|safety|people|speed|substance) over (?:speed|quality|process|profit|style)",
    r"(?:always )?have a (?:backup|plan b)",
    r"trust your gut",
    r"stand your ground",
    r"(?:take|taking) (?:it|things) as (?:it|they) comes?",
    r"(?:can'?t|no) (?:really )?(?:have a )?rule for",
    r"know your limits",
    r"bite off more than",
    r"treat (?:them|people|everyone|customers) like",
    r"is an opportunity",
    r"learn to embrace",
    r"(?:put|keep) the (?:end )?(?:user|customer)s? (?:first|in mind)",
    r"building responsibly",
)
SELF_PRAISE = phrases(  # "what it taught me about myself" answered with a virtue
    r"(?:strong|real|deep) (?:integrity|advocate|work ethic|sense of)",
    r"(?:how much|how deeply|that) I (?:really |truly )?care",
    r"I (?:really |truly |deeply )?care (?:deeply |so much |a lot )?about",
    r"(?:how seriously|seriously) I take",
    r"I work (?:so |really )?hard",
    r"(?:who|how) I(?:'ve| have) always been",
    r"(?:passionate|dedicated|committed|loyal|driven|resilient)",
    r"I (?:really )?(?:like|love|enjoy)(?! [^.!?]{0,40}\bmore than I)",  # not a fault owned
    r"(?:a|the) (?:good|great|strong|natural) (?:leader|advocate|teammate|listener|"
    r"communicator)",
    r"I would do it again",
    r"proud",
    r"makes? me (?:so |really )?(?:good|great|better|successful|effective)",
    r"(?:always )?stand(?:s|ing)? up for",
    r"risk-?taker",
    r"(?:can|could) make (?:the )?(?:hard|tough|difficult) (?:calls?|decisions?)",
    r"care[^.!?]{0,40}(?:maybe |perhaps )?(?:even )?too much",
    r"I(?:'m| am) (?:a |an )?(?:very |really |super |quite |pretty |extremely )?(?:\w+ )?"
    r"(?:good|great|"
    r"strong|decisive|pragmatic|caring|visionary|organi[sz]ed|reliable|honest|calm|humble|"
    r"independent|proactive|thorough|persistent|creative|empathetic|result-oriented|"
    r"results-oriented|detail-oriented|hard-working|hardworking|dependable|fair)\b(?! at hiding)",
    r"(?:my|one of my) (?:biggest |greatest |real )?(?:strengths?|superpower)",
    r"I shine",
    r"(?:does|do|doing|did) the right thing",
    r"takes? ownership",
    r"too (?:caring|honest|nice|generous|dedicated|passionate|detail-oriented|hard-working|loyal|"
    r"trusting|perfect\w*|committed)",
    r"(?:high|very high|strong|good) (?:integrity|standards|principles|morals)",
    r"I(?:'ve| have) got (?:\w+ )?(?:integrity|principles|standards|a spine)",
    r"(?:good|great|sound|clear) (?:decisions?|judge?ment) under pressure",
    r"thrives? under pressure",
    r"I (?:stay|keep) calm",
    r"I (?:don'?t|never) panic",
    r"(?:not|never) afraid (?:of|to)",
    r"(?:nobody|no one) can (?:push|pressure|bully) me",
    r"a \w+ at heart",
    r"someone who (?:stands|thrives|always|never|gets things done|takes charge)",
)
COUNTERFACTUAL = re.compile(  # a reason given as what the other road would have done
    r"\b(?:would|could|might)(?:n't| not)?(?: have|'ve)? (?:just |only |still |also )?[a-z]{3,}"
    r"|\b\w+'d (?:have |just )?[a-z]{3,}|\bwould've\b",
    re.IGNORECASE,
)

# -- moved from the flag detectors: shared with the level judge, the signals and the bank --

COST = phrases(
    COMPLAINTS,
    r"cost (?:us|me|them|him|her|the|a|about|roughly|around|two|three|" + AMOUNT + ")",
    r"costs? (?:was|"
    r"were)",
    r"(?:we|I|they|he|she|the \w+) lost",
    r"lost (?:a|an|the|two|three|\d|about|our|my|"
    r"most|some|half|more|their|his|her|trust|credibility|time)",
    r"losing",
    r"gave up",
    r"giving up(?! on)",
    r"sacrific\w+",
    r"at the expense of",
    r"delay(?:ed|ing)? (?:the|by|our|"
    r"their|it|a|\w+ launch)",
    r"(?:a|the) (?:\w+ )?delay",
    r"slipp(?:ed|ing)",
    r"missed (?:the|"
    r"our|a|their|its|two|three|" + AMOUNT + ")",
    r"churn\w*",
    r"refund\w*",
    r"overtime",
    r"late nights?",
    r"(?:over|through|on|every) (?:the |a |two |three )?weekends?",
    r"burn(?:ed|t) out",
    r"(?:was|were|felt|got) (?:\w+ )?(?:frustrated|upset|angry|unhappy|hurt|furious|burned|"
    r"exhausted|demoralized|blindsided|stressed|overwhelmed|overloaded|drained|worn out)",
    r"affected",
    r"the price (?:was|we|I)",
    r"paid (?:for|"
    r"the price)",
    r"trade-?off (?:was|is|we|I)",
    r"(?:the )?downside (?:was|is)",
    r"charged twice",
    r"damag\w+",
    r"credibility",
    r"apologi[sz]\w+",
    r"unpopular",
    r"took the hit",
    r"weeks? (?:late|behind)",
    r"behind schedule",
    r"cut (?:scope|features?|the \w+ feature)",
    r"postponed",
    r"wasted",
    r"(?:didn't|did not|"
    r"never) (?:get|hit|make|ship|finish|recover)",
    r"(?:was|were|got) (?:cancel+ed|killed|"
    r"scrapped|shelved|rolled back|reverted)",
    r"left the (?:company|team)",
    r"quit",
    r"penalt\w+",
    r"fined|fines|a fine of|paid a fine",
    r"(?:hurt|strained|damaged) (?:the|our|my) relationship",
    r"morale",
    r"resent\w*",
    r"(?:a|the) hit (?:to|on)",
    r"embarrass\w+",
    r"ashamed",
    r"(?:spent|took) (?:\w+ ){0,2}(?:weeks|months|days|nights) (?:re|fix|clean|answer|undo|"
    r"redo|rebuild|apolog|explain|work)\w*",
    r"had to (?:redo|rebuild|renegotiate|apologi[sz]e|"
    r"explain|work (?:late|weekends|nights)|cancel|rewrite|throw away)",
    r"(?:was|were) (?:charged|"
    r"double-?charged|locked out|paged|woken)",
    r"slowed (?:down|from|to|for)|stalled|backed up|pil(?:ed|e|ing) up",
    r"missed (?:it|them) by|missed (?:\w+ ){0,2}(?:deadlines?|cut-?offs?|dates?|windows?|slots?)",
    r"(?:held|kept) back (?:\w+ ){0,3}(?:payments?|bonus(?:es)?|pay|money|fees?)|withheld",
    r"pa(?:y|id|ying) (?:\w+ ){0,4}(?:compensation|damages|penalt(?:y|ies)|refunds?)",
    r"downtime",
    r"angry",
    r"(?:felt|was) (?:sick|"
    r"awful|terrible)",
    r"went (?:without|unpaid)",
    r"(?:on|by|over) hand",
    r"worse",
    r"not happy",
    r"(?:not|wasnae) (?:very |too |at all )?pleased",
    r"ran out|stock-?outs?|out of stock|rained on|went cold",
    r"(?:could not|couldn't|can't|cannot) afford",
    r"(?:was|were|got) (?:let go|laid off|fired|sacked|dismissed)|let (?:him|her|them) go",
    r"awkward",
    r"(?:was|were|had to be) withdrawn",
    r"bill went up|in (?:the )?icu",
    r"cracked",
    r"frost(?:y|ier)",
    r"cooler (?:for|between|towards?|after|with)",
    r"(?:took|taken|take) (?:some |the )?heat",
    r"painful",
    r"(?:the|a|our|their) losses?",
    r"apolog\w*",
    r"paid (?:most|dearly|the most|with)",
    r"cost (?!(?:of|effective|centers?|savings?|estimates?)\b)\w+",
    r"(?:I'd|we'd|I had|we had) lost",
    r"paid out",
    r"cut (?:our|their|the|his|her|its) \w+",
    r"added (?:\w+ )?costs?",
    r"not (?:one|two|three|four|five|six|\w+) (?:weeks|days|months)",
    r"costs? (?:for|some|many)",
    r"a knot",
    r"(?:unfair|hard) (?:to|on|for) (?:her|him|them|the)",
    r"(?:resigned|quit|left)",
    r"(?:unhappy|annoyed|angry|furious|disappointed)",
    r"(?:took|take|taken) (?:\w+ ){0,2}(?:extra|more|longer)",
    r"hurt",
    r"(?:service )?credits? (?:that )?we"
    r" paid",
    r"took longer",
    r"moved to another team",
    r"(?:hit|blow) to",
    r"costs? (?:the|"
    r"people|them|us|me)",
    r"(?:didn't|did not|no longer) trust",
    r"lost (?:sleep|weeks|days)",
    r"la(?:y|id|ying) (?:\w+ ){0,3}off|lay-?offs?|made (?:\w+ ){0,2}redundant|redundancies",
    r"(?:stayed|was|were|got|remained|felt) (?:a bit |a little |quite |pretty |really )?"
    r"(?:cool|frosty|strained|tense|awkward|cold) between us",
    r"(?:launch|release|go-?live|date|deadline|opening|delivery|start|rollout)s? (?:was |got |had "
    r"to be )?(?:moved|pushed|slid|shifted) (?:back|out|to|by)",
    r"(?:went|sat|were|was|are|is) (?:\w+ )?unused|(?:nobody|no one) (?:ever )?used",
)


CLICHE = phrases(
    r"communication is (?:key|everything|so important|critical)",
    r"(?:learned|taught me|showed me|"
    r"realized|understand) (?:the (?:real )?(?:importance|value|power) of|how important \w+ is)",
    r"(?:showed|shows|proved|proves|demonstrated|highlighted|underlined|reminded (?:me|us) of) "
    r"(?:me |us )?(?:the (?:real )?(?:importance|value|power) of|how important)",
    r"teamwork makes the dream work",
    r"never give up",
    r"everything happens for a reason",
    r"I learned (?:a lot|so much)",
    r"lessons? learned",
    r"there'?s no (?:\"?I\"?|i) in team",
    r"failure is (?:the best|a great|just) (?:teacher|lesson|opportunity)",
    r"trust the process",
    r"hindsight is (?:20/20|twenty[- ]twenty)",
    r"(?:honesty|communication|transparency) is "
    r"(?:\w+ )?the best policy",
    r"(?:flexibility|adaptability|balance|empathy|listening|"
    r"teamwork|collaboration|communication|patience) is (?:key|everything|important|crucial)",
    r"(?:roll|rolled) with the punches",
    r"it'?s (?:really )?(?:all )?about balance",
    r"pick (?:my|your) battles",
    r"(?:always|to) (?:over-?)?communicate",
    r"people are (?:the|our)"
    r" (?:most important|greatest|biggest)",
    r"stay (?:positive|humble|curious)",
    r"(?:always )?(?:expect|plan for) the unexpected",
    r"(?:learn|learned) from (?:my|our) mistakes",
    r"(?:a|the) (?:great|valuable|important) (?:lesson|learning experience)",
    r"grow(?:th)? (?:as a person|mindset)",
    r"makes? (?:us|me) stronger",
    r"(?:it's|is) (?:always )?(?:important|crucial|key) to (?:communicate|listen|be|stay|keep)",
    # maxims that close a story in place of a lesson
    r"(?:alignment|timing|trust|attitude|preparation|culture|execution) is everything",
    r"it'?s (?:all |really )?about (?:staying|being|keeping|trusting|putting|the people|people|"
    r"relationships|doing the right thing)",
    r"(?:rules|people|values|relationships|details) matter",
    r"(?:integrity|honesty|character) (?:really |always |still )?matters",
    r"(?:doing the right thing|integrity|honesty) (?:is never|always pays|always wins|must always)",
    r"reinforced (?:for me )?(?:that|the importance)",
    # the stock sayings of interview answers
    r"good enough is (?:sometimes |often )?good enough",
    r"done is better than perfect",
    r"perfect(?:ion)? is the enemy of (?:the )?good",
    r"(?:trust|communication|respect) is a two-way street",
    r"practice makes perfect",
    r"(?:integrity|honesty)(?: is|'s) (?:just |so |really |very |always )?"
    r"(?:non-negotiable|everything|key|paramount|the most important|important|the best policy)",
    r"that's how (?:great|good|strong|high-performing) teams (?:work|operate|win)",
    r"excellence is a habit",
    r"pour from an empty cup",
    r"trust (?:your|my) (?:gut|instincts?)",
    r"(?:only )?as strong as (?:its|the|our|their) weakest link",
    r"two sides to every story",
    r"self-?care is (?:important|key|essential)",
    r"(?:everybody|everyone) makes mistakes",
    r"comfortable (?:being )?uncomfortable",
    r"opportunity in disguise",
    r"patience is a virtue",
    r"go with (?:your|my) gut",
    r"(?:bring|trust) (?:the )?(?:facts|data),? not (?:opinions|feelings|emotions)",
    # the stock remedy a weakness question gets ("so I learned I need to delegate more")
    r"(?:need|needed|learned|learnt|learning) to (?:delegate|let (?:go|things go|other people|"
    r"others)|trust (?:others|other people|the team|my team|my colleagues|people|more)|"
    r"(?:find (?:a |the right )?|better )?balance|take care of myself|relax|"
    r"accept that not everything|be (?:more )?okay with good enough)",
)
# "communication is really key", "balance and prioritising are important": that something
# matters, the whole of a lesson when it closes a story (flags.cliche_lesson reads what it
# is said of)
MATTERS = phrases(
    r"(?:is|are)(?: (?:so|very|really|super|absolutely|just|truly|extremely|incredibly|always|"
    r"all))* (?:key|the key|important|crucial|essential|vital|everything|paramount)"
    r"(?! to (?:us|me|them|him|her|the|our|my|their|a|an|this|that|get|make|keep)\b)",
)

LESSON = phrases(
    LOOKING_BACK,
    NOW_PRACTICE,
    HINDSIGHT,
    r"I (?:learned|learnt|realized|realised)",
    r"learn(?:ed|t) (?:that|how|the hard way|I|you|to|not to|never|always)",  # notes drop the I
    r"taught me",
    r"lessons?",
    r"takeaway",
    r"I(?:'ve| have) (?:also |since |now |already |finally |recently )?(?:started|changed|"
    r"learned|stopped)",
    r"what I do differently",
    r"changed (?:how|the way|what) I",
    r"I(?:'d| would) do (?:it )?differently",
    r"I(?:'m| am) (?:still |now |slowly )?(?:learning|working on|getting better at|trying to)",
    r"learn(?:ed|t|ings?):",
    r"I (?:\w+ ){1,8}now(?= *[.!;\n]| *$)",
    r"if I (?:redid|did|could redo|could do|were to (?:re)?do|had to (?:re)?do|did it) "
    r"(?:it|that|this|the \w+)?(?: ?(?:again|over))?,? I(?:'d| would)",
    r"if I (?:went|could go|were to go|go) back(?: \w+){0,3},? I(?:'d| would)",
    # a practice given up, a change named, a rule set for oneself, a pattern of one's own
    r"I (?:won't|don't|do not|will not|never) [^.!?\n]{0,80}\b(?:any ?more|these days)",
    r"I (?:won't|don't|do not|will not|never) (?!know|have|remember|recall|think|see|want)"
    r"[^.!?\n]{0,60}\b(?<!right )now\b",  # "I don't roll out a change now without..."
    r"(?:the (?:thing|one thing|part|bit) |what )I (?:actually |really )?(?:changed|kept)",
    r"the (?:\w+ )?change I(?:'ve| have)? (?:made|kept)",
    r"I(?:'ve| have) (?:\w+ ){0,2}(?:\w+ed|done|made|run|written|built|led|taken|kept) since"
    r"(?! (?:\d|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|last|early|late|the|my|our|school|college|university|joining|starting))",
    r"kept since",
    r"(?:set|made|wrote|gave) (?:myself )?(?:a |an )?(?:\w+ )?(?:rule|checklist|reminder)"
    r"(?: for myself|:)",
    r"wrote myself",
    r"(?:my|the (?:real |underlying )?)pattern(?: underneath| here)? (?:is|was)",
    r"we now (?!had|knew|were|was|faced|needed|saw|realized|realised)[a-z]+",
    r"(?:what|the (?:part|thing|one)) I(?:'d| would) (?:redo|change|do differently) (?:is|was)",
    r"showed me",
    r"I(?:'ve| have) become",
    r"made me (?:realize|see|"
    r"understand|rethink|more|less)",
    r"I(?:'m| am) (?:now )?(?:more|less|much more|far more) "
    r"(?:careful|willing|likely|deliberate|explicit|skeptical|aware)",
    r"(?:what|the thing) I "
    r"(?:took|take) (?:away|from)",
    r"I make (?:a point|sure) (?:to|that|now)",
    r"I(?:'ve| have) (?:stopped|started|changed)",
    r"I try (?:now )?to",
    r"what I do now",
    r"ever since",
    r"reminded me",
    r"my (?:rule|habit|"
    r"default) (?:now|is)",
    r"(?:stuck|stayed) with me",
    r"took away",
    r"changed my mind",
    r"now,? (?:when|any|every|whenever|before|if|for|on)",
    r"(?:when|whenever|before) I \w+(?: \w+)? now",
    r"I never \w+",
    r"I (?:also )?ask (?:people|them|everyone|myself|whoever)",
    r"since:",  # notes: "Since: I pushed lot-level scanning at receiving."
    r"I(?:'d| would) (?:make|take|do) the same (?:call|decision|choice|thing) again,? but",
)

OPERATIONAL = phrases(
    NOW_PRACTICE,
    r"now,? (?:when|whenever|if|before|for)",
    r"I (?:look|write|ask|check|run|keep|book|block|schedule|send|share|start|put)",
    r"since then,? I",
    r"I(?:'ve| have) (?:started|stopped|"
    r"made it)",
    r"every (?:week|time|sprint|project|launch|review|design|quarter|monday|incident)",
    r"before (?:I|any|every)",
    r"I (?:always|never) (?:start|ask|write|run|check|put|send|"
    r"book|schedule|block)",
    r"my rule",
    r"I keep a",
    r"checklist",
    r"template",
    r"on (?:day|"
    r"week) one",
    r"in writing",
    AMOUNT,  # any number
)

# "I", or "i" as chat types it (not the "i" of "i.e."), not as a hedge ("I think")
I_SUBJECT = re.compile(  # \b[Ii]\b...: the letter first, the \b before it a look-behind
    r"[Ii](?<!\w[Ii])\b(?!\.\w)(?! (?:think|guess|mean|believe)\b)"  # (a faster scan)
)

NEGATION = re.compile(
    r"\b(?:no|not|never|nobody|no one|none|without|nothing|didn't|did not|wasn't|weren't|hardly)"
    r"\b(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)


REPORTED = re.compile(  # "she left thinking everything was okay": a belief, not the ending
    r"\b(?:think\w*|thought|believ\w*|assum\w*|pretend\w*|felt like|hop\w+|seem\w*|"
    r"convinced|told (?:me|us|them|her|him))\b(?: that)?(?: \w+){0,2}\W*$",
    re.IGNORECASE,
)


def reported(text: str, span: Span) -> bool:
    """Is the phrase at `span` someone's belief or claim, told just before it ("she left
    thinking everything was okay")?"""
    return bool(REPORTED.search(text[max(0, span.start - 40) : span.start]))


def negated(text: str, span: Span, floor: int = 0) -> bool:
    """Is the phrase at `span` denied by a negation just before it ("nobody churned")?"""
    return bool(NEGATION.search(text[max(floor, span.start - 24) : span.start]))


# -- the level judge: how a follow-up answer leans -----------------------------------

SHOWN_IN_USE = re.compile(
    r"\b(?:since|ever since|every time|each time|caught|held to it)\b", re.IGNORECASE
)
DEFLECT = re.compile(
    r"\b(?:(?:his|her|their|not my) (?:problem|fault|call)|should(?:'ve| have) (?:been|known)|"
    r"(?:it|that) was worth it|in the end (?:it|everything|they|we))\b",
    re.IGNORECASE,
)
LIMITING = re.compile(
    r"\b(?:too|avoid\w*|don'?t|do not|never|rather|until|instead|scared|afraid|worse|miss\w*|"
    r"blind|late|slow\w*|hide|hiding|stretch\w*|tend\w*|default\w*|instinct\w*|habit\w*|"
    r"pattern|over\w+|under\w+|bother\w*|wrong|fail\w*|mistake\w*|struggle\w*|can'?t|"
    r"won'?t|only|assum\w+|confus\w+|need\w*|wait\w*|rush\w*|panic\w*|defensive|ego|"
    r"pride|fear\w*|guilt\w*|ashamed|embarrass\w*|hard for me|less|worst|weak\w*)\b",
    re.IGNORECASE,
)
PRESENT_MARK = re.compile(
    r"\b(?:now|nowadays|these days|today|since then|ever since|anymore|no longer|rule|template|"
    r"checklist|policy|non-negotiable)\b",
    re.IGNORECASE,
)
# Sentences that voice an opinion about the world, advice to others or a maybe, not a practice
# of one's own: "I think the industry needs...", "you should always test", "it depends".
OPINION = re.compile(
    r"^\W*(?:(?:well|so|honestly|yeah|um|uh),? )*(?:I think|I believe|I feel|I guess|I'd say|"
    r"I would say|it depends|in general)\b"
    r"|\b(?:should|ought to|depends on|no one way|probably|"
    r"any (?:team|company|org|organi[sz]ation|job))\b"
    r"|\b(?:you|teams|people|managers|leaders|companies|everyone|we all|one) (?:have to|has to|"
    r"must|needs? to|gotta)\b"
    r"|\b(?:I|we|you|they|one)(?: would| could| might|'d)\b(?! rather)"
    r"|\b(?:is|are) (?:\w+ )?(?:important|interesting|key|crucial|essential|changing|easy|vital|"
    r"everything)\b"
    r"|^\W*(?:(?:the|most|all|many|a lot of|every|each|any|good|great|modern) )?(?:\w+ )?"
    r"(?:industry|field|sector|companies|organi[sz]ations|orgs|insurers|cities|clinics|doctors|"
    r"leaders|leadership|managers|teams|journals|nonprofits|people|everyone|nobody|boss|pm|"
    r"company|org|leader|startups|tools|cash|perfect)\b(?! I\b)"
    r"|\b(?:big believer|is all about|is about(?! to\b)|is king|(?:is )?(?:the )?enemy of|"
    r"the key to|foundation of|I always say|I tell (?:every|all|my)|try to be|is a crisis|"
    r"is changing)\b",
    re.IGNORECASE,
)


# -- push-back: how a challenged candidate answers (interview/pushback.py) -------------

CONCEDE_OPEN = re.compile(  # a reply that opens by granting the point, in whole or in part
    r"^\W*(?:(?:um+|uh+|so|oh|well|honestly|hm+|okay|ok|i mean|in hindsight|looking back|"
    r"to be honest|thinking about it(?: again)?|actually),?\s+)*"
    r"(?:yes|yeah|yep|yup|true|fair|partly|partially|probably|maybe|kind of|sort of|somewhat|"
    r"guilty|agreed|right|correct|could have|should have|for (?:some|half|part)\b|"
    r"in part|to (?:some|an) extent|that'?s (?:fair|true|right|a fair)|it did|he'?s right|"
    r"she'?s right|they'?re right|you'?re (?:right|not wrong)|I agree|point taken|good point|"
    r"(?:a )?fair (?:point|question|enough)|I (?:probably )?did|I can see that|I see that)\b",
    re.IGNORECASE,
)
CONCEDE = phrases(  # granting the point anywhere in the reply
    OWNING,
    HINDSIGHT,
    LOOKING_BACK,
    r"(?<!he )(?<!she )(?<!they )(?<!it )should(?:n't| not)?(?:'ve| have)",
    r"(?:that|this) was (?:the|my) (?:miss|mistake|error|fault)",
    r"I (?:never|didn't|did not) \w+ (?:\w+ ){0,2}properly",
    r"(?:partly|partially|in part)",
    r"(?:revisited|rethought|reconsidered|thought about) (?:it|that|this) since",
    r"thinking about it (?:again|now|more)",
    r"(?:it'?s|that'?s|this is) on me",
    r"(?:come|came) (?:a)?round on (?:that|it|this)",
    r"(?:I have|I've) come to (?:think|see|accept)",
    r"(?:largely|mostly|partly|broadly) (?:correct|right|true|fair)",
    r"I take (?:the|your) point",
    r"hold my hands? up",
    r"where I went wrong",
    r"kicking myself",
    r"in retrospect",
    r"(?:I'd|I had|I have|I've) not (?:looked at|thought of|seen) it",
    r"hadn't thought of",
    r"I never (?:thought of|considered|checked|asked)",
    r"not properly",
    r"I made (?:a |the |my )?mistakes?",
    r"(?:a )?part of it I(?:'d| would| can)? accept",
    r"(?:this|that) I (?:would|will|'d) change",
    r"(?:this|that|it) is (?:true|fair)",
    r"on reflection",
    r"now (?:that )?I think about it",
    r"(?:it )?turned out",
    r"what I know now",
    r"you(?:'re| are) (?:probably )?(?:right|not wrong)",
    r"(?:he|she|they)(?:'s|'re| is| are) (?:probably )?right",
    r"(?:that'?s|that is) (?:fair|true|a fair point|a good point|on me)",
    r"I agree",
    r"point taken",
    r"(?:was|were) (?:a mistake|the wrong (?:call|thing|move))",
    r"(?:was|were)(?:n't| not) (?:right|needed|necessary|the right)",
    r"(?:too|more than it needed to be) (?:tight|much|fast|slow|hard|harsh|early|late|long)",
    r"I (?:got|had) (?:it|that) wrong",
    r"I overreacted",
    r"I hadn't (?:really )?(?:thought|looked|considered)",
    r"I didn't (?:think|look) (?:about|at)",
    r"(?:has|have|had) (?:some |real )?merit",
    r"(?:there(?:'s| is)|has) (?:some |a lot of )?(?:truth|something) (?:in|to) (?:that|it|this)",
    r"(?:had|has|have) a (?:fair |good |real )?point",
    r"to (?:a|some) (?:degree|extent)",
    r"(?:a )?(?:fair|valid|reasonable) (?:criticism|concern|perspective|challenge|assessment)",
    r"I can (?:absolutely |certainly |definitely )?see (?:it|that|the merit|the argument)",
    r"(?:that'?s|that is|it'?s) (?:possible|a good shout)",
    r"I recogni[sz]e",
    r"my oversight",
    r"I(?:'d| would) (?:change|handle|do) (?:\w+ ){0,4}differently",
    r"the part I(?:'d| would) (?:change|handle)",
)
KEEP_VIEW = phrases(  # keeping the call under challenge
    r"I(?:'d| would) (?:still|do it again|take it again|make (?:it|that|the same)|"
    r"(?:do|make) the same)",
    r"(?:still|again) (?:think|believe|stand)",
    r"I stand by",
    r"(?:was|is) (?:still )?(?:the )?right (?:call|thing|move|decision)?",
    r"(?:was|is) worth it",
    r"I wouldn't change",
    r"(?:the|my|that) (?:call|decision|hold|rollback|choice) (?:was|is) (?:right|mine)",
    r"not (?:arguing|saying) (?:with )?that",
    r"I(?:'d| would) (?:\w+ ){1,2}again",
    r"(?:would|'d) do it again",
    r"I accept (?:that|it|the cost)",
    r"I don'?t see (?:a|any) (?:version|way|world)",
    r"I(?:'d| would) (?:still )?(?:keep|hold|stop|refuse|report|escalate)",
)
CHANGED_VIEW = phrases(  # what the candidate now does or would do differently
    NOW_PRACTICE,
    r"next time I(?:'d| would| will|'ll)",
    r"I(?:'d| would) (?:now |instead |rather )?(?:\w+ ){0,2}"
    r"(?:first|instead|differently|myself|earlier|sooner)",
    r"I wouldn't do (?:it|that) again",
    r"(?:goes?|go|now|is now) (?:in|into) (?:the )?(?:\w+ )?(?:template|checklist|brief|policy)",
    r"(?:go|goes) privately now",
    r"from day one",
    r"(?:I|we) (?:changed|added|moved|split|started)",
)
HEDGE = phrases(  # a claim softened until it says little
    r"probably",
    r"maybe (?:\w+|it|I)",
    r"perhaps",
    r"(?:may|might) have been",
    r"I suspect",
    r"(?:would )?likely",
    r"I(?:'m| am) (?:really |genuinely )?sorry",
    r"I guess",
    r"I suppose",
    r"I don'?t (?:really )?know",
    r"I(?:'m| am) not sure",
    r"I feel bad",
    r"(?:when|if) you put it like that",
    r"not a great answer",
)
PREMISE_ATTACK = phrases(  # answering the challenge by refusing it
    r"(?:that'?s|that is) not (?:really )?(?:what happened|fair|how it (?:was|works))",
    r"(?:anyone|everyone|any \w+) (?:would have|would've|in \w+ would)",
    r"(?:that'?s|it'?s) how it is",
    r"people can say what they want",
    r"(?:not|isn't|wasn't) (?:really )?(?:my|our) (?:job|team|call|problem|department)",
    r"I did everything I could",
    r"(?:from|on the) outside",
    r"there'?s (?:no|not really a|not a) (?:\w+ )?debate",
    r"(?:rules|policy|standard) (?:is|are) (?:the )?(?:rules|policy|standard)",
    r"because (?:that'?s|it'?s) (?:the )?(?:standard|rule|policy|process)",
    r"(?:they|he|she) (?:messed|screwed) (?:it |that |this )?up",
    r"with (?:all due )?respect",
    r"you don'?t understand",
    r"I already (?:said|told|explained)",
    r"I had no choice",
)
SELF_CRITIQUE = phrases(  # naming one's own miss: what was not done, checked or seen
    r"I (?:didn't|did not|hadn't|had not|never) (?:even )?(?:check|look|ask|think|read|"
    r"cross-check|consider|notice|talk|page|call|tell|test|verify|see|wait|plan|warn|"
    r"involve|loop|brief)\w*",
    r"I (?:just )?assumed",
    r"I only (?:\w+ ){0,2}(?:found|realised|realized|learned|learnt|saw|noticed)",
    r"(?:^|[.!?;:-] )(?:didn't|did not|never) (?:even )?(?:check|look|ask|price|test|think|read|"
    r"verify|plan|call|tell)\w*",
    r"(?:I|I'd) (?:was|been) (?:too|overly) \w+",
    r"my (?:mistake|fault|miss|error)",
    r"(?:it|that) was (?:the )?wrong (?:order|call|move|thing|way)",
    r"didn't think of it",
    r"I (?:don't|do not|never) (?:ask|check|show|test|look|think|tell|wait|plan)\w*",
    r"I skip(?:ped)?",
    r"(?:more|wider|longer|bigger) than (?:it )?(?:needed|had) to be",
)
WOULD_DO = re.compile(  # a different move the candidate would make now: "I'd page first now"
    r"\b(?:(?:next time|now|these days|today),? I(?:'d| would| will|'ll)|I(?:'d| would) "
    r"(?:now|instead|rather)\b(?! be\b)|I(?:'d| would)(?: \w+){1,4} (?:instead|first|earlier|"
    r"sooner|differently|next time|now)\b)",
    re.IGNORECASE,
)
BETTER_ROAD = phrases(  # the road not taken, told as the better one
    r"(?:would|could)(?:'ve| have) (?:just |easily |still )?(?:saved|kept|worked|avoided|caught|"
    r"fixed|prevented|cost (?:us )?(?:way |far |a lot )?less|"
    r"been (?:fine|faster|better|cheaper|quicker|enough))",
    r"(?:could|should)(?:'ve| have) just",
    r"we(?:'d| would) have kept",
)
DISMISS = phrases(  # waving the question away
    r"I don'?t (?:really )?(?:see|get|think) (?:how|what|why|that|it)",
    r"(?:that'?s|it'?s) (?:just )?(?:his|her|their) (?:thing|way|problem)",
    r"obviously",
    r"(?:it'?s|this is) a business",
    r"(?:he|she|they) would say that",
    r"(?:that'?s|it'?s|that was) on (?:him|her|them)",
    r"(?:he|she|they) should(?:'ve| have)",
    r"(?:he|she|they) just ignored",
    r"I'?d (?:respectfully )?push back on that",
    r"(?:he|she|they|\w+) always (?:says?|does|do)",
    r"(?:it'?s|that'?s) always",
    r"frankly",
    r"(?:I'?d|I would) rather not second-guess",
    r"^\W*(?:no|nah|not at all)\b",
    r"I don'?t (?:really )?see it that way",
    r"I did (?:exactly )?what (?:a|any|was|I was) \w+",
    r"(?:I was )?following (?:my|the) (?:training|procedure|process|policy)",
    r"(?:numbers|results|data) (?:really )?speak for themselves",
    r"(?:his|her|their) personality",
    r"push back on that framing",
    r"I did (?:everything|all) I could",
    r"explain it (?:once )?(?:more|again)",
    r",? (?:and )?not me\b",
    r"in the first place",
    r"I don'?t (?:really )?accept",
    r"(?:was|were) never going to",
    r"cleaning up after",
    r"(?:anyone|everyone) would (?:do|say|have done)",
)
ACKNOWLEDGE = phrases(  # holding the view while granting what the challenge sees
    r"I (?:can )?(?:totally |fully |completely )?(?:see|get|understand) (?:why|the appeal|"
    r"the argument|the point|how|the logic|that)",
    r"I (?:thought|did think) about (?:it|that)",
    r"I know (?:that|this|it|he|she|they)",
    r"I understand (?:this|it|that|the|his|her|their)",
    r"(?:is|was) not nothing",
    r"(?:looks?|seems?|sounds?) (?:small|harsh|heavy|like a lot)",
    r"in a sense,? yes",
    r"(?:heavy|hard|difficult|painful|expensive),? yes",
    r"I don'?t want to (?:brush past|pretend|deny)",
    r"I cannot deny",
    r"(?:not|isn't) a trivial",
    r"(?:the )?strongest version",
    r"I said so",
    r"(?:and )?yes,? (?:it|that) (?:cost|hurt)",
    r"no argument",
    r"I know (?:it|that) (?:felt|was|cost|hurt)",
    r"(?:was|were) (?:discussed|considered|an option)",
    r"I did consider",
    r"(?:is|was) an option",
    r"I respect",
    r"(?:it|that) did cost",
    r"^\W*(?:\w+ ){0,3}\w+,? (?:yes|sure|true|granted)\b",
    r"the cost (?:is|was) real",
    r"(?:it|that) (?:hurt|stung)",
)

# -- right-angle questions: taking up the new angle, or steering back (interview/deflection.py)

FEELING_WORD = phrases(  # a feeling named, one's own or someone else's
    r"(?:hurt|rotten|nervous|terrified|terrifying|relieved|guilty|annoyed|frightened|humiliated|"
    r"scared|sick|awful|horrible|horribly|embarrassed|ashamed|angry|furious|upset|anxious|"
    r"lonely|proud|resentful|betrayed|blindsided|gutted|numb|miserable|frustrated|stressed|"
    r"worried|afraid|uneasy|exhausted|overwhelmed|cross|sad|happy|glad|excited|defensive|"
    r"awkward|uncomfortable|panicked|panicky|shaky|dread|dreaded|fear|hated|resented)",
    r"(?:felt|feel|feels|feeling) like",
    r"sick to my stomach",
    r"couldn'?t sleep",
)
PERSPECTIVE = phrases(  # someone else's view of it, told as theirs
    r"(?:she|he|they)(?:'d| would)? (?:probably |actually |later )?(?:said|say|says|felt|feel|"
    r"thought|think|saw|see|hated|liked|took it|told me|asked|wanted|worried|found)",
    r"from (?:their|her|his) (?:side|end|point of view|perspective)",
    r"in (?:their|her|his) shoes",
    r"(?:to|for) (?:them|her|him),? (?:it|that|this)",
    r"(?:their|her|his) (?:view|side|experience|reaction)",
    r"if I were (?:them|her|him)",
    r"(?:some|a couple|two|most|all|one|none|a few) of (?:them|us) (?:\w+ )?(?:felt|thought|said|"
    r"saw|told me)",
    r"(?:the )?(?:customers?|clients?|patients?|tenants?|guests?|users?|residents?|staff|team) "
    r"(?:\w+ )?(?:lost out|felt|saw it|thought)",
)
PIVOT_BACK = phrases(  # the turn back to the prepared story
    r"what I did (?:was|is)",
    r"the (?:key|main|important|big) thing (?:is|was|for me)",
    r"the point (?:is|was)",
    r"(?:basically )?what happened (?:was|is)",
    r"what (?:really )?matter(?:s|ed)",
    r"(?:the )?outcome that mattered",
    r"(?:process|model|plan|rules?|decision|approach) "
    r"(?:stood up|worked|held|was right|were clear)",
    r"(?:it|that) was the right (?:call|approach|thing|decision)",
    r"right call",
    r"that was the (?:goal|point)",
    r"(?:well|but),? I didn'?t",
    r"the bigger picture",
)
RESULT_FIGURE = phrases(  # a result told as a figure: "went from 71% to 94%", "25 minutes"
    r"\d[\d,.]*\s?(?:%|percent|minutes|hours|days|weeks|k)",
    r"from " + AMOUNT,
)


# -- ordinary words ----------------------------------------------------------------------

_ORDINARY_ENDING = re.compile(  # how English words end and given names seldom do (not
    # "-ence" or "-ance": Florence, Lawrence, Constance)
    r"\w{3,}(?:ment|tion|sion|ness|ity|ship|hood|ful|less|ous|ive|able|ible|ings?)s?"
    r"|\w{2,}(?:ed|ies|[b-df-hj-np-rtv-xz]s)|\w+-[a-z]\w*"  # "Submitted", "Units", "Go-live"
)


@cache
def _ordinary_words() -> frozenset[str]:
    """Lowercase words of our own content (questions, rubric, templates): ordinary English."""
    found: set[str] = set()
    for item in resources.files("storyladder.content").iterdir():
        if item.name.endswith(".yaml"):
            found.update(re.findall(r"\b[a-z]{2,}\b", item.read_text("utf-8")))
    return frozenset(found)


def ordinary_word(word: str) -> bool:
    """An ordinary English word or a role, not a given name ("Always", "Controller",
    "Partnerships", "Units", "Enrollment"), so a sentence that opens with it does not open
    with a person."""
    low = word.lower()
    return (
        low in _ordinary_words()
        or low.removesuffix("s") in _ordinary_words()
        or bool(re.match(rf"(?:{ROLE_WORDS})", low))
        or bool(_ORDINARY_ENDING.fullmatch(word))
    )
