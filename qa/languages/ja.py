"""Japanese: the words a follow-up refers back with (see `qa/languages/__init__.py`).

Japanese drops the subject more often than it says それ: a question with no subject of its own
is read against the focus by `qa/conversing.py` whatever its words. Digits are matched after
NFKC folding (full-width ３ is 3).
"""

from __future__ import annotations

import re

from . import Relative, Words

_sudachi = None


def _tokens(text: str):
    global _sudachi
    if _sudachi is None:
        from sudachipy import Dictionary, SplitMode

        _sudachi = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
    return _sudachi.tokenize(text)


def _compounds(text: str) -> list[tuple[str, set[str]]]:
    """Runs of nouns (with prefixes and suffixes), each with the kinds of its words: "C20サミット",
    "第1回SDG8.7ダイアログ", "安倍首相"; an action noun (開催, 参加) does not end a run."""
    out, run, kinds = [], [], set()

    def close():
        while run and run[-1][1] == "サ変可能":
            run.pop()
        if run:
            out.append(("".join(w for w, _ in run), set(kinds)))
        run.clear()
        kinds.clear()

    for m in _tokens(text):
        pos = m.part_of_speech()
        if pos[0] in ("名詞", "接頭辞", "接尾辞") and pos[1] != "代名詞" and not (pos[0] == "接尾辞" and not run):
            run.append((m.surface(), pos[2]))
            kinds.add(pos[1] if pos[1] != "固有名詞" else "人名" if pos[2] == "人名" else "固有名詞")
        else:
            close()
    close()
    return out


def names(text: str) -> list[tuple[str, str]]:
    """Names a text gives: noun runs holding a proper noun, Latin letters, digits or katakana;
    "person" for a run with a person's name in it.

    >>> names("岩附由香さんはロンドンで何をしましたか")
    [('岩附由香さん', 'person'), ('ロンドン', 'thing')]
    """
    out = []
    for run, kinds in _compounds(text):
        if re.fullmatch(r"[\d.]+|[\d年月日]+|[\d一二三四五六七八九十数]+\s*(?:年|か月|ヶ月|カ月|ヵ月|箇月|ケ月|週間|日)[間後前]?"
                        r"|[\d一二三四五六七八九十]+\s*(?:回目|番目|つ目|つめ)|第[\d一二三四五六七八九十]+回", run) or len(run) < 2:
            continue  # a time ("2か月後") or an ordinal ("3回目") is no name
        if kinds & {"人名", "固有名詞"} or re.search(r"[A-Za-z\d\u30a0-\u30ff]", run):
            out.append((run, "person" if "人名" in kinds else "thing"))
    return out


def label(text: str) -> str:
    """A dated entry's event as a short name: its longest noun run before the first comma
    ("東京で開催されたC20サミットの運営を支援し、…" -> "C20サミット")."""
    clause = re.split(r"[、。]", text.strip(), maxsplit=1)[0]
    runs = [r for r, kinds in _compounds(clause) if not re.fullmatch(r"[\d.年月日〜～-]+", r)]
    named = [r for r in runs if re.search(r"[A-Za-z\u30a0-\u30ff]", r)] or runs
    return max(named, key=len) if named else clause[:20]


_N = r"(?P<n>\d+|[一二三四五六七八九十]+|数)"
_U = r"(?P<unit>年|か月|ヶ月|カ月|ヵ月|箇月|ケ月|週間|週|日)"

WORDS = Words(
    code="ja",
    person=re.compile(r"(彼女|彼(?!ら)|その人|この人|あの人|その方|この方)"),
    gender={"彼女": "f", "彼": "m"},
    thing=re.compile(r"(それ(?!以前|以降|以外|から|より前)|そこ|そちら|あそこ|その(?![年月日週後前翌次直])|この(?![年月日週])"
                     r"|あの|同じ(?![年月日週])|彼ら)"),
    agent=re.compile(r"(?!)"),  # a dropped subject is not told apart from a dropped object
    event=re.compile(r"(会議|フォーラム|サミット|ダイアログ|セミナー|集会|キャンペーン|シンポジウム|講座|展|会合|上映会|報告会)"),
    more=re.compile(r"(ほか|他に|他の|その他|それ以外|ほかに|別の)"),
    ellipsis=re.compile(r"^\s*(?:で、|では、|じゃあ|それで|あと、|じゃ、)|^[^？?。、]{1,9}(?:は|では|だと|なら)[？?]?\s*$"),
    relative=(
        Relative(re.compile(r"(?:その|同じ)\s*(?:間|期間中|最中)|滞在中"), "during", unit="day"),  # その間に: its own days
        Relative(re.compile(r"(?:その|それの|同じ)\s*(?:前後|頃|ころ|時期)"), "around", unit="month"),  # その前後に: either side
        Relative(re.compile(rf"{_N}\s*{_U}(?P<half>半)?\s*(?:後|あと|経って)"), "later"),  # 1年半後
        Relative(re.compile(rf"{_N}\s*{_U}(?P<half>半)?\s*(?:前)"), "earlier"),
        Relative(re.compile(r"(?:翌|次の|その次の)\s*(?P<unit>年|月|日|週)|(?P<unit2>年|月|日|週)の?(?:あと|後)の"), "next"),
        Relative(re.compile(r"(?:前の|その前の|一つ前の)\s*(?P<unit>年|月|日|週)|(?P<unit2>前年|前月|前日|前週)"), "previous"),
        Relative(re.compile(r"(?:その|同じ|同|この)\s*(?P<unit>年|月)\s*の?\s*(?:末|終わり|おわり|後半|下旬)"), "later in"),
        Relative(re.compile(r"(?:その|同じ|同|この)\s*(?P<unit>年|月)\s*の?\s*(?:初め|はじめ|始め|前半|上旬)"), "earlier in"),
        Relative(re.compile(r"(?:その|同じ|同|この)\s*(?P<unit>年|月|日|週)"), "same"),
        Relative(re.compile(r"(?:その前|それ以前|それより前|その直前|直前)"), "before"),
        Relative(re.compile(r"(?:その後|それ以降|それから|そのあと|その次|次は|次に|直後)"), "after"),
    ),
    among=re.compile(r"(?:(?:それらの|これらの|その|この)(?:(?P<n>[2-5２-５二三四五])(?:つ|件|回)?の)?|(?P<n2>[2-5２-５二三四五])(?:つ|件|回)の)"
                     r"(?:うち|中で)"),  # not うちの (ours)
    # "その一つ下の項目は？", "上の記録は？": the list on the page, oldest first as this table's documents write it
    on_page=re.compile(r"(?P<n>[一二三四五1-5])?つ?(?P<dir>上|下)の(?:項目|エントリー?|行|記録|出来事|もの)(?P<x>(?!))?"),
    below=re.compile(r"下"),
    counts={"一": 1, "二": 2, "三": 3, "四": 4, "五": 5},
    besides=re.compile(r"(?P<x>[^\s、。？?！!のはがをにでと]{2,16})(?:以外|のほか|の他)"),
    anchor_before=re.compile(r"(?P<x>[^\s、。？?！!のはがをにでと]{2,16})の\s*$"),  # 誓約の翌月
    ordinal=re.compile(r"第\s*(?P<n>\d+|[一二三四五六七八九十]+)\s*回|(?P<n2>\d+|[一二三四五六七八九十]+)\s*(?:回目|番目|つ目|つめ|個目)"
                       r"|(?P<n3>最初|最後|一番目|初回)(?!に|まで)"),  # 最後に加えたのは: the latest, not the last shown
    numbered=re.compile(r"第\s*(?P<n>\d+|[一二三四五六七八九十]+)\s*回"),
    which_first=re.compile(r"(?P<a>[^、。？?]{2,30}?)と(?P<b>[^、。？?]{2,30}?)(?:は|では|、)\s*(?:どちら|どっち)が(?P<w>先|早|後|あと|遅)"),
    which_way={"先": "earliest", "早": "earliest", "後": "latest", "あと": "latest", "遅": "latest"},
    comparative=re.compile(r"(?P<c>後の方|あとの方|後のほう|あとのほう|前の方|前のほう|新しい方|新しいほう|古い方|古いほう)"),
    comparatives={"後の方": "latest", "あとの方": "latest", "後のほう": "latest", "あとのほう": "latest", "新しい方": "latest",
                  "新しいほう": "latest", "前の方": "earliest", "前のほう": "earliest", "古い方": "earliest", "古いほう": "earliest"},
    ordinals={"最初": 1, "初回": 1, "一番目": 1, "最後": -1},
    units={"年": "year", "か月": "month", "ヶ月": "month", "カ月": "month", "ヵ月": "month", "箇月": "month",
           "ケ月": "month", "月": "month", "週間": "week", "週": "week", "日": "day", "前年": "year", "前月": "month",
           "前日": "day", "前週": "week"},
    numbers={"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "数": 3},
    question=re.compile(r"(誰|だれ|どこ|いつ|何|なに|なん|どう|どの|どんな|なぜ|どれ|いくつ|何人|何社)"),
    month=re.compile(r"(?<!\d)(?<!\d年)(?<!毎年)(?<!毎年の)(?P<m>1[0-2]|[1-9])\s*月(?!間|後|前)"),
    months={},
    unknown_word_is_subject=False,  # verbs differ from the record's nouns (始まる, 開始): not a new subject
    asks_person=re.compile(r"(誰|だれ|どなた|どの人)"),
    asks_money=re.compile(r"(予算|費用|金額|いくら|収入|寄付額|資金額)"),
    asks_duration=re.compile(r"(何年間|何か月間|何ヶ月間|どのくらいの期間|いつまで)"),
    asks_name=re.compile(r"名前"),
    asks_age=re.compile(r"(何歳|何才|年齢)"),
    age_at=re.compile(r"(?:何歳|何才)の?(?:とき|時)|(?:とき|時)[^。？]*(?:何歳|何才)"),
    asks_response=re.compile(r"(?:何と|なんと|どう)(?:言|述べ|答|返|応じ|反応)|返事|返答|回答|反応|採用され|反映され|受け入れられ"
                             r"|どうなった|結果は"),
    response=re.compile(r"述べ|発言|回答|返答|応じ|採用|反映|盛り込|明記|合意|約束|表明|歓迎"),
    asks_place=re.compile(r"どこで|どこの|どこだ|どこ[？?]|会場|開催地|場所"),
    asks_count=re.compile(r"(何人|何社|何か国|何カ国|いくつ|何件|何回|何筆|どのくらい|どれくらい|何名)"),
    asks_date=re.compile(r"(いつ|何年|何月|何日)"),
    asks_day=re.compile(r"(何日|何月何日|日付)"),
    person_name=re.compile(r"[\u4e00-\u9fff]{1,4}(?:氏|さん|首相|大臣|代表|理事長)|[\u30a0-\u30ff]{2,}・[\u30a0-\u30ff]{2,}"),
    names=names,
    place=re.compile(r"(そこ|あそこ|そちら)"),
    pair=re.compile(r"(?:その|この|あの)?(?:お?二人|お?ふたり|両名|三人)"),
    other_one=re.compile(r"もう(?:一つ|ひとつ|一方|片方)(?:の方|のほう)?|他方"),
    asks_record=re.compile(r"何をし|何をやっ|活動|何があ|出来事|一覧"),
    chore=re.compile(r"天気|天候|翻訳して|訳して(?:ください|下さい|くれ)|おすすめの(?:店|レストラン|カフェ|お店)|今何時"),
    about_record=re.compile(r"(?:この|その)?(?:記録|資料|文書)(?:に(?:は|よると|よれば)|では|上(?:は|では)?)"),
    group=re.compile(r"(彼ら|彼女ら|彼女たち|あの人たち)"),
    plural=re.compile(r"(それら|これら|あれら|彼ら)"),
    several=re.compile(r"(それら|これら|あれら|彼ら|彼女ら|彼女たち)"),
    onward=re.compile(r"(?:翌|次の|その次の|その後の)\s*$"),
    backward=re.compile(r"(?:前の|その前の|前年の)\s*$"),
    back_to=re.compile(r"^(?:話を戻(?:して|すと|しますが)[、,]?\s*)?(?P<x>[^、。？?]{2,20}?)(?:の話)?に(?:話を)?戻(?:って|ると|りますが|ります)"
                       r"|^話(?:を)?(?:戻|もど)(?:して|すと|るけど|りますが|るんですが)[、,]?\s*(?P<x2>[^、。？?]{2,20}?)(?:は|の|について|で)"),
    said={"about": "話題", "period": "期間", "same question": "前の質問と同じ", "not shown": "直前の答え以外", "left out": "除外", "listed": "表示した中から",
          "latest": "最新", "earliest": "最初", "none": "文書にない"},
    label=label,
    stop=frozenset({"する", "ある", "いる", "なる", "こと", "もの", "ため", "よう", "とき", "活動", "出来事", "何", "誰", "どこ",
                    "いつ", "教える", "知る", "ください", "ます", "です", "私", "たち", "私たち", "団体", "最初", "最後",
                    "初めて", "一番", "どんな", "どの", "どう", "ほか", "他", "前", "後", "次"}),
)
