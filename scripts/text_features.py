"""Line features of the plain-text cleaner, mirrored exactly by src/plaintext/features.rs.

Every feature is generic and language-independent: lengths, punctuation, capitalisation, the
line's place in the dump, its neighbours, and matches against the multilingual vocabulary
tables of src/vocab/ (read from the source so both sides use the same phrases).
"""
import glob
import math
import re
import os

HERE = os.path.dirname(os.path.abspath(__file__))
VOCAB_DIR = os.path.join(HERE, "..", "src", "vocab")
# The tables are spread over the files of the directory module; each name is defined once.
_SRC = "\n".join(open(path, encoding="utf-8").read()
                  for path in sorted(glob.glob(os.path.join(VOCAB_DIR, "*.rs"))))


def _table(name):
    m = re.search(r"pub const " + name + r": &\[&str\] = &\[(.*?)\];", _SRC, re.S)
    body = re.sub(r"//[^\n]*", "", m.group(1))
    return [s.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            for s in re.findall(r'"((?:[^"\\]|\\.)*)"', body)]


def _chars(name):
    m = re.search(r"pub const " + name + r": &\[char\] = &\[(.*?)\];", _SRC, re.S)
    return set(re.findall(r"'(.)'", m.group(1)))


FURNITURE = _table("FURNITURE_HEADINGS")
LINE_PREFIXES = _table("BOILERPLATE_LINE_PREFIXES")
LINE_PHRASES = _table("BOILERPLATE_LINE_PHRASES")
PROMPTS = _table("PROMPT_PHRASES")
NOTICES = _table("SITE_NOTICE_PHRASES")
COMMENT_MARKERS = _table("COMMENT_SECTION_MARKERS")
SOCIAL = _table("SOCIAL_LINE_PHRASES")
FORM = _table("TEXT_FORM_PHRASES")
TEASER = _table("TEXT_TEASER_PHRASES")
AD = _table("TEXT_AD_PHRASES")
END = _chars("SENTENCE_END_CHARS")


def is_word_char(c):
    return c.isalnum() or c == "_"


def words(line):
    """The `\\w+` tokens of a line, as the metrics count them."""
    out, cur = [], []
    for c in line:
        if is_word_char(c):
            cur.append(c)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def strip_trail(lower):
    return lower.rstrip(":)(….?!*0123456789 |-–—")


def starts_any(lower, phrases):
    return any(lower.startswith(p) for p in phrases)


def contains_any(lower, phrases):
    return any(p in lower for p in phrases)


def is_comment_marker(lower):
    toks = words(lower)
    # "12 Comments", "3 responses to …"
    if len(toks) >= 2 and toks[0].isdigit() and len(toks) <= 6 and any(
            toks[1] == m for m in COMMENT_MARKERS if " " not in m):
        return True
    for m in COMMENT_MARKERS:
        if lower.startswith(m):
            rest = lower[len(m):]
            if " " in m:
                if not (rest[:1] and is_word_char(rest[:1])):
                    return True
            elif not any(c.isalpha() for c in rest):
                return True
    return False


def is_furniture(lower, nw):
    n = strip_trail(lower)
    if not n:
        return False
    return any(n == p or (nw <= 6 and n.startswith(p + " ")) for p in FURNITURE)


def line_kinds(line):
    """Vocabulary flags of one line."""
    lower = line.lower()
    nw = len(words(line))
    n = len(line)
    return [
        float(is_comment_marker(lower)),
        float(is_furniture(lower, nw)),
        float(nw <= 10 and starts_any(lower, SOCIAL)),
        float(n <= 150 and starts_any(lower, LINE_PREFIXES) or nw <= 5 and contains_any(lower, LINE_PHRASES)),
        float(n <= 300 and contains_any(lower, PROMPTS) or n <= 700 and contains_any(lower, NOTICES)),
        float(n <= 300 and contains_any(lower, FORM)),
        float(nw <= 8 and contains_any(lower, TEASER)),
        float(nw <= 6 and contains_any(lower, AD)),
    ]


KIND_NAMES = ["comment_marker", "furniture", "social", "boilerplate_line", "notice", "form",
              "teaser", "ad"]


def fold(s):
    return " ".join(s.lower().split())


def base(line, title):
    """Features of one line on its own."""
    toks = words(line)
    nw = len(toks)
    n = len(line)
    alpha = sum(1 for c in line if c.isalpha())
    digit = sum(1 for c in line if c.isdigit())
    upper_words = sum(1 for t in toks if t[0].isupper())
    alpha_words = sum(1 for t in toks if t[0].isalpha())
    last = line[-1]
    punct = sum(1 for c in line if c in ",;")
    f = fold(line)
    return [
        math.log1p(nw),
        math.log1p(n),
        float(last in END and last != ":"),
        float(last == ":"),
        upper_words / alpha_words if alpha_words else 0.0,
        digit / n,
        alpha / n,
        punct / (nw + 1),
        float(line[0].islower()),
        float(alpha == 0),
        float(any(c in line for c in "|•·»›")),
        float("@" in line or "http" in line or "www." in line),
        float(nw > 0 and nw < 5 and last not in END),
        float(nw >= 16 or (nw >= 6 and last in END)),
        float(bool(title) and nw >= 2 and (f == title or (len(f) >= 12 and f in title))),
    ] + line_kinds(line)


BASE_NAMES = ["log_words", "log_chars", "ends_sentence", "ends_colon", "cap_share",
              "digit_share", "alpha_share", "commas_per_word", "starts_lower", "no_letters",
              "separators", "url_or_mail", "short", "prose", "title_repeat"] + KIND_NAMES
I_LOGW, I_END, I_SHORT, I_PROSE = 0, 2, 12, 13
I_COMMENT = BASE_NAMES.index("comment_marker")
I_TITLE = BASE_NAMES.index("title_repeat")


def run_lengths(flags):
    """For each position, the length of the run of equal flags it belongs to (0 if flag off)."""
    n = len(flags)
    out = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and flags[j] == flags[i]:
            j += 1
        if flags[i]:
            for k in range(i, j):
                out[k] = j - i
        i = j
    return out


def window_mean(values, i, radius):
    lo = max(0, i - radius)
    hi = min(len(values), i + radius + 1)
    return sum(values[lo:hi]) / (hi - lo)


def densest_span(nwords, prose):
    """Max-sum span of +words for prose lines and -3 for others (Kadane)."""
    best, bs, be, cur, cs = 0.0, -1, -1, 0.0, 0
    for i in range(len(nwords)):
        s = float(nwords[i]) if prose[i] else -3.0
        if cur <= 0:
            cur = 0.0
            cs = i
        cur += s
        if cur > best:
            best, bs, be = cur, cs, i
    return bs, be


def page_features(lines, blocks):
    """One feature row per line of the page (lines already whitespace-collapsed, non-empty);
    `blocks[i]` numbers the blank-line-separated block line `i` belongs to."""
    n = len(lines)
    if n == 0:
        return []
    title = fold(lines[0])
    B = [base(x, title) for x in lines]
    nwords = [len(words(x)) for x in lines]
    total = sum(nwords) or 1
    prose = [b[I_PROSE] for b in B]
    short = [b[I_SHORT] for b in B]
    short_run = run_lengths([s > 0 for s in short])
    prose_run = run_lengths([p > 0 for p in prose])
    bs, be = densest_span(nwords, prose)
    counts = {}
    for x in lines:
        counts[x] = counts.get(x, 0) + 1
    first_prose = next((i for i in range(n) if prose[i]), n)
    # a comment marker once the article has been seen
    seen_comment = [0.0] * n
    flag = 0.0
    for i in range(n):
        if B[i][I_COMMENT] and i > first_prose:
            flag = 1.0
        seen_comment[i] = flag
    block_lines = {}
    block_words = {}
    for i in range(n):
        block_lines[blocks[i]] = block_lines.get(blocks[i], 0) + 1
        block_words[blocks[i]] = block_words.get(blocks[i], 0) + nwords[i]
    prose_words = sum(nwords[i] for i in range(n) if prose[i])
    cum = 0
    rows = []
    for i in range(n):
        b = B[i]
        before = cum / total
        cum += nwords[i]
        if bs < 0:
            dist = 1.0
            inside = 0.0
        elif i < bs:
            dist = (bs - i) / n
            inside = 0.0
        elif i > be:
            dist = (i - be) / n
            inside = 0.0
        else:
            dist = 0.0
            inside = 1.0
        row = list(b)
        row += [
            i / n,
            before,
            math.log1p(short_run[i]),
            math.log1p(prose_run[i]),
            inside,
            dist,
            window_mean(prose, i, 2),
            window_mean(prose, i, 6),
            window_mean(short, i, 3),
            float(counts[lines[i]] > 1),
            seen_comment[i],
            float(i < first_prose),
            float(i == 0 or blocks[i - 1] != blocks[i]),
            float(i + 1 == n or blocks[i + 1] != blocks[i]),
            math.log1p(block_lines[blocks[i]]),
            math.log1p(block_words[blocks[i]]),
            math.log1p(total),
            math.log1p(n),
            prose_words / total,
        ]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                row += [B[j][I_LOGW], B[j][I_END], B[j][I_PROSE], B[j][I_SHORT]]
            else:
                row += [0.0, 0.0, 0.0, 0.0]
        rows.append(row)
    for row, extra in zip(rows, structure(lines, blocks, B, nwords)):
        row += extra
    return rows


CURRENCY = set("$€£¥₹")


def has_ascii_digit(s):
    return any("0" <= c <= "9" for c in s)


def shape(line, nw):
    """Coarse shape: words (up to 8), last character, a digit, a capitalised first word."""
    toks = words(line)
    first = toks[0][0].isupper() if toks else None
    return (min(nw, 8), line[-1:], has_ascii_digit(line), first)


def structure(lines, blocks, B, nwords):
    """Likeness to the page title, label:value and price shapes, how often the line's shape,
    first word or digit-folded text recur, its block's prose share and longest line, its
    distance from the headline, and the prose share of a wide window."""
    n = len(lines)
    lowered = [x.lower() for x in lines]
    title = set(words(lowered[0]))
    shapes = [shape(lines[i], nwords[i]) for i in range(n)]
    shape_counts, first_counts, folded_counts = {}, {}, {}
    for s in shapes:
        shape_counts[s] = shape_counts.get(s, 0) + 1
    firsts = []
    for x in lowered:
        t = words(x)
        firsts.append(t[0] if t else "")
    for f in firsts:
        first_counts[f] = first_counts.get(f, 0) + 1
    folded = ["".join("0" if "0" <= c <= "9" else c for c in x) for x in lowered]
    for f in folded:
        folded_counts[f] = folded_counts.get(f, 0) + 1
    prose = [b[I_PROSE] for b in B]
    bsum, blines, blong = {}, {}, {}
    for i in range(n):
        b = blocks[i]
        bsum[b] = bsum.get(b, 0.0) + prose[i]
        blines[b] = blines.get(b, 0) + 1
        blong[b] = max(blong.get(b, 0), nwords[i])
    head = next((i for i in range(1, n) if B[i][I_TITLE]), None)
    out = []
    for i, x in enumerate(lines):
        toks = set(words(lowered[i]))
        sim = len(toks & title) / len(toks) if toks and title else 0.0
        colon = x.find(":")
        label_value = 0 < colon <= 30 and len(x) - colon < 60 and nwords[i] <= 10
        near = sum(1 for d in (-3, -2, -1, 1, 2, 3) if 0 <= i + d < n and shapes[i + d] == shapes[i])
        b = blocks[i]
        out.append([
            sim,
            float(label_value),
            float(any(c in CURRENCY for c in x)),
            math.log1p(shape_counts[shapes[i]]),
            near / 6,
            math.log1p(first_counts[firsts[i]] - 1),
            math.log1p(folded_counts[folded[i]] - 1),
            bsum[b] / blines[b],
            math.log1p(blong[b]),
            (i - head) / n if head is not None else 2.0,
            window_mean(prose, i, 15),
        ])
    return out


STRUCTURE_NAMES = ["title_similarity", "label_value", "currency", "log_same_shape",
                   "same_shape_near", "log_first_word_repeats", "log_digit_folded_repeats",
                   "block_prose_share", "log_block_longest", "from_headline", "prose_wide"]


CONTEXT_NAMES = ["position", "words_before", "log_short_run", "log_prose_run", "in_dense_span",
                 "dense_span_distance", "prose_near", "prose_around", "short_around",
                 "repeated", "after_comment_marker", "before_first_prose", "opens_block",
                 "closes_block", "log_block_lines", "log_block_words", "log_page_words",
                 "log_page_lines", "page_prose_share"]
NEIGHBOUR_NAMES = ["%s_%s" % (name, d) for d in ("m2", "m1", "p1", "p2")
                   for name in ("log_words", "ends_sentence", "prose", "short")]
FEATURE_NAMES = BASE_NAMES + CONTEXT_NAMES + NEIGHBOUR_NAMES + STRUCTURE_NAMES
