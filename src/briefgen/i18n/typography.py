"""English text as a typesetter prints it: curly quotes, en dashes in ranges, no-break spaces.

The catalog stays plain ASCII; this runs at render time and never changes a string's length,
so offsets into the source still hold (one character in, one character out).
"""
from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"
OPENERS = " \u00a0\t\n([{“‘—–-/"
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
UNITS = ("per cent", "percent", "hectares", "hectare", "mu", "jin", "tonnes", "tonne", "tons", "km", "kilometres",
         "kilometers", "metres", "meters", "kW", "kWh", "MW", "GW", "GWh", "yuan", "kg", "square", "cubic",
         "micrograms", "days", "years", "times")
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=(?:%s)\b)" % "|".join(re.escape(w) for w in SCALE_WORDS + UNITS))
# The unit after a number's scale word stays with it too: "1 million mu", "10 billion jin".
_SCALE_UNIT = re.compile(r"(\d\u00a0(?:%s)) (?=(?:%s)\b)" % ("|".join(SCALE_WORDS), "|".join(re.escape(w) for w in UNITS)))
_RANGE = re.compile(r"(?<![\w.-])(\d{1,4})-(\d{1,4})(?![\w-])")
# Common one-syllable surnames; a pinyin given name after one is kept on its line (Xi Jinping).
SURNAMES = frozenset(
    "Bai Cai Cao Chen Cheng Cui Dai Deng Ding Dong Du Duan Fan Fang Feng Fu Gao Gong Gu Guo Han Hao Hou Hu "
    "Huang Jia Jiang Jin Kang Kong Lai Lei Li Liang Liao Lin Liu Long Lou Lu Luo Lyu Ma Mao Meng Pan Peng Qian "
    "Qiao Qin Qiu Ren Shao Shen Shi Song Su Sun Tan Tang Tian Wan Wang Wei Wen Wu Xi Xia Xiao Xie Xiong Xu "
    "Xue Yan Yang Yao Ye Yin Yu Yuan Zeng Zhang Zhao Zheng Zhong Zhou Zhu Zou".split())
_INITIAL = r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
_FINAL = r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
_PINYIN_NAME = re.compile(rf"(?:{_INITIAL}{_FINAL}){{1,2}}", re.IGNORECASE)
PINYIN = re.compile(rf"(?:{_INITIAL}{_FINAL}(?:n|ng|r)?){{1,4}}", re.IGNORECASE)  # Guangzhou, Xiangtan
_NAME = re.compile(r"\b([A-Z][a-z]{1,4}) (?=([A-Z][a-z]{1,9})\b)")


@lru_cache(maxsize=8192)  # every edition's story, and the charts, ask for the same texts again
def typeset_english(text: str) -> str:
    """Curly quotes and apostrophes, en dashes in number ranges, no-break spaces in figures and names."""
    text = _quotes(text)
    text = _RANGE.sub(lambda m: f"{m.group(1)}–{m.group(2)}" if int(m.group(1)) < int(m.group(2)) else m.group(0),
                      text)
    text = _NUMBER_UNIT.sub(NBSP, text)
    text = _SCALE_UNIT.sub(lambda m: m.group(1) + NBSP, text)
    return _NAME.sub(_name_space, text)


def _quotes(text: str) -> str:
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            out.append("“" if before in OPENERS else "”")
        elif ch == "'":
            opening = before in OPENERS and not (after.isdigit() and _decade(text, i))
            out.append("‘" if opening else "’")
        else:
            out.append(ch)
    return "".join(out)


def _decade(text: str, i: int) -> bool:
    """'90s: an apostrophe standing for the century."""
    return re.match(r"'\d\ds\b", text[i:]) is not None


def _name_space(match: re.Match[str]) -> str:
    surname, given = match.group(1), match.group(2)
    if surname in SURNAMES and _PINYIN_NAME.fullmatch(given):
        return surname + NBSP
    return match.group(0)
