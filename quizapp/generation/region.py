"""Which film industry an article is about, from the words it uses, so that wrong options come
from the same industry: Bollywood stars next to a Hollywood star give the answer away."""

from __future__ import annotations

from collections import Counter

import regex

# Words that place an article in one industry. A country's name alone is not enough (a Korean
# box-office report also covers Hollywood films), so a region needs several cues and a clear
# lead over every other.
CUES: dict[str, str] = {
    "in": r"Bollywood|Tollywood|Kollywood|Mollywood|Sandalwood|Hindi|Telugu|Tamil|Malayalam|"
    r"Kannada|Marathi|Bengali|Punjabi|Mumbai|Chennai|Hyderabad|Kerala|crores?|lakhs?|Diwali|"
    r"Sankranti|Pongal|Dussehra|Eid|-starrer",
    "kr": r"Korean|Korea|Seoul|Busan|Chungmuro|Joseon|K-drama|Hallyu",
    "jp": r"Japanese|Japan|Tokyo|Osaka|Kyoto|anime|Toho|Shochiku|Toei|yen",
    "cn": r"Chinese|China|Mandarin|Cantonese|Hong\s+Kong|Beijing|Shanghai|Taiwan(?:ese)?|yuan|"
    r"Golden\s+Horse",
    "ng": r"Nollywood|Nigerian?|Lagos|Abuja|naira|Yoruba|Igbo|Hausa|Ghanaian",
    "fr": r"French|France|Paris|César|francophone",
    "es": r"Spanish|Spain|Mexican|Mexico|Argentine|Argentina|Chilean|Chile|Colombian|Brazilian|"
    r"Brazil|Portuguese|Madrid|Goya",
    "eu": r"Italian|Italy|German|Germany|Berlin|Polish|Poland|Danish|Swedish|Norwegian|"
    r"Finnish|Russian|Dutch|Austrian|Czech|Hungarian|Romanian|Greek",
}
PATTERNS = {region: regex.compile(rf"\b(?:{cues})\b") for region, cues in CUES.items()}
MIN_CUES = 3


def article_region(text: str) -> str | None:
    """The industry the article is about ("in", "kr", "jp", "cn", "ng", "fr", "es", "eu"), or
    None: Hollywood and English-language cinema, or no clear lead."""
    counts = Counter({region: len(pattern.findall(text)) for region, pattern in PATTERNS.items()})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_CUES:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
