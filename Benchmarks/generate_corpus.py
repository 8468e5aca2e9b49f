#!/usr/bin/env python3
"""Writes a synthetic yearly-report corpus as two equivalent sites, one for Yearbook and
one for Hugo, so that Benchmarks/bench.py can time both generators on the same content.

    python3 Benchmarks/generate_corpus.py --articles 1000 --out /dev/shm/corpus

DIR/yearbook/ is a Yearbook project (Content/ and a copy of the project's Templates/);
DIR/hugo/ is a Hugo 0.111 site with the same reports, articles, bodies and tags.

The corpus is deterministic: random.Random(N) is the only source of variation, so the
same N always gives the same bytes and timings from different days are comparable.
Every article exercises the paths a real article takes (default summary, heading ids,
table of contents, lists, a blockquote, bold, links between articles with fragments, one
chart), so the benchmark measures the work a real site costs, not an empty loop.

Python 3.11 standard library only.
"""

import argparse
import datetime
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from random import Random

# The project root is the parent of the Benchmarks folder; its Templates/ is the theme
# the Yearbook corpus is built with.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

YEARS = list(range(2015, 2025))
CITY = "清川市"  # a fictional city, so the corpus is never mistaken for real figures
BODY_TARGET_BYTES = 3800

# ---------------------------------------------------------------------------
# Vocabulary. Sentences are assembled from these phrases; none is taken from real
# articles, so the corpus carries no copied text.
# ---------------------------------------------------------------------------

TIMES = ["今年以来", "全年", "上半年", "下半年", "一季度", "年内", "截至年底", "近年来",
         "过去一年", "进入四季度", "二季度以来", "年初以来"]
SUBJECTS = ["市科技局", "各镇街道", "高新区", "经济开发区", "重点企业", "龙头企业", "中小企业",
            "科研院所", "新型研发机构", "产业园区", "行业协会", "相关部门", "创新联合体",
            "孵化载体", "高校院所", "金融机构", "市级平台", "各工作专班"]
VERBS = ["持续推进", "加快建设", "不断完善", "深入实施", "扎实开展", "稳步推进", "全面落实",
         "积极探索", "着力打造", "统筹推进", "大力培育", "有序推进", "持续优化", "加力推动"]
OBJECTS = ["科技创新体系", "产学研合作机制", "人才引育工作", "成果转化平台", "企业研发投入",
           "知识产权保护", "数字化改造", "创新服务体系", "重点实验室", "科技金融服务",
           "高新技术企业培育", "关键核心技术攻关", "科技项目管理", "孵化载体", "创新政策兑现",
           "技术市场", "科技人才评价", "产业链协同创新", "科普基础设施", "研发中心梯队"]
RESULTS = ["取得明显成效", "各项指标稳中有进", "服务能力进一步提升", "带动作用日益显现",
           "创新活力持续增强", "发展基础更加牢固", "企业获得感不断增强", "整体水平迈上新台阶",
           "为全年目标完成打下基础", "形成了一批可复制的经验", "短板弱项逐步补齐",
           "协同效应初步显现"]
CONNECTORS = ["与此同时", "此外", "在此基础上", "从实际情况看", "据介绍", "另一方面",
              "值得一提的是", "具体来看", "总体而言", "从全年看", "记者了解到", "按照工作安排"]
GOALS = ["服务精准化", "管理规范化", "资源共享化", "流程便捷化", "成果可量化", "考核常态化"]
PROGRESS = ["进展顺利", "推进有力", "成效初显", "基础扎实", "节奏加快", "亮点纷呈"]
# Each template takes a number drawn by number_clause(); units are ones Yearbook knows.
NUMBER_CLAUSES = ["同比增长{p}%", "新增{n}家", "累计达到{n}项", "完成投资{m}亿元",
                  "带动就业{n}人", "占比提高到{p}%", "兑现资金{m}亿元", "服务企业{n}家",
                  "签订技术合同{n}项", "举办对接活动{n}场"]
QUOTE_SPEAKERS = ["市科技局有关负责人", "一家企业的研发负责人", "高新区相关负责人",
                  "一位参与项目的专家", "园区服务中心负责人"]

TITLE_PREFIXES = ["创新驱动", "数字赋能", "产业升级", "开放合作", "服务优化", "改革攻坚",
                  "要素保障", "成果转化", "绿色发展", "基层实践", "园区建设", "企业风采"]

# Plain CJK only: Yearbook and Hugo both make the id equal to the text, so a link's
# fragment can be written as the heading itself.
HEADINGS = ["基本情况", "主要做法", "工作成效", "存在问题", "下步打算", "经验启示", "典型案例",
            "创新举措", "数据分析", "企业声音", "专家观点", "服务保障", "政策支持", "平台建设",
            "人才引育", "项目推进", "资金保障", "合作交流", "改革探索", "发展展望"]

# Sixty tags; tag_choice() draws them Zipf-like so a few tags collect most articles, as
# on a real site, and their pages are the large ones.
TAGS = ["科技创新", "高新技术企业", "研发投入", "人才引进", "科创平台", "成果转化", "知识产权",
        "数字经济", "智能制造", "长三角一体化", "产学研合作", "科技金融", "新型研发机构",
        "专精特新", "孵化器", "众创空间", "重点实验室", "技术攻关", "产业园区", "招商引资",
        "营商环境", "绿色低碳", "新材料", "生物医药", "集成电路", "新能源", "装备制造",
        "现代农业", "科普工作", "创新券", "首台套", "技术合同", "院士工作站", "博士后工作站",
        "海外工程师", "青年人才", "技能人才", "创业大赛", "对外合作", "政策兑现", "数字化改造",
        "工业互联网", "人工智能", "质量提升", "标准化", "品牌建设", "企业研发中心",
        "科技特派员", "乡村振兴", "共同富裕", "基层治理", "项目建设", "投资融资", "科技统计",
        "创新生态", "产业链", "科技服务业", "检验检测", "节能降耗", "安全生产"]

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
GIVEN_NAMES = ["明", "丽华", "建国", "晓东", "海燕", "志强", "静", "伟", "芳", "磊", "婷",
               "俊杰", "雪梅", "国平", "文斌", "佳怡"]
SOURCES = ["清川市科学技术局", "清川市经济和信息化局", "清川市发展和改革局", "清川市统计局",
           "清川市人力资源和社会保障局", "清川高新区管委会", "清川市市场监督管理局"]

# ---------------------------------------------------------------------------
# Datasets: ten years of a few indicators. `pairs` lists columns with the same unit,
# which a grouped chart needs (mixed units in one chart are an error).
# ---------------------------------------------------------------------------


@dataclass
class Column:
    name: str
    label: str
    unit: str
    start: float  # value in 2015
    growth: float  # mean yearly growth factor
    decimals: int


@dataclass
class DatasetSpec:
    id: str
    title: str
    source: str
    columns: list[Column]
    pairs: list[tuple[str, str]]


DATASETS = [
    DatasetSpec(
        "economy-2015-2024", f"{CITY}地区生产总值与财政收入（2015—2024年）", "清川市统计局",
        [Column("gdp", "地区生产总值", "亿元", 512.0, 1.07, 2),
         Column("growth", "地区生产总值增速", "%", 7.8, 0.97, 1),
         Column("fiscal", "一般公共预算收入", "亿元", 46.0, 1.08, 2)],
        [("gdp", "fiscal")]),
    DatasetSpec(
        "enterprises-2015-2024", f"{CITY}科技企业数量（2015—2024年）", "清川市科学技术局",
        [Column("high_tech", "高新技术企业", "家", 120, 1.15, 0),
         Column("sme_tech", "科技型中小企业", "家", 310, 1.12, 0),
         Column("new_high_tech", "当年新认定高新技术企业", "家", 25, 1.10, 0)],
        [("high_tech", "sme_tech"), ("sme_tech", "new_high_tech")]),
    DatasetSpec(
        "rd-2015-2024", f"{CITY}研发投入（2015—2024年）", "清川市统计局",
        [Column("rd_spending", "R&D经费支出", "亿元", 11.5, 1.11, 2),
         Column("rd_share", "研发经费支出占GDP比重", "%", 2.2, 1.03, 2),
         Column("high_tech_share", "高新技术产业增加值占规上工业增加值比重", "%", 38.0, 1.04, 1)],
        [("rd_share", "high_tech_share")]),
    DatasetSpec(
        "patents-2015-2024", f"{CITY}专利授权情况（2015—2024年）", "清川市市场监督管理局",
        [Column("invention", "发明专利授权量", "件", 180, 1.13, 0),
         Column("utility", "实用新型专利授权量", "件", 1450, 1.05, 0),
         Column("per_10k", "万人发明专利拥有量", "件/万人", 6.2, 1.16, 2)],
        [("invention", "utility")]),
    DatasetSpec(
        "talent-2015-2024", f"{CITY}人才与项目（2015—2024年）", "清川市人力资源和社会保障局",
        [Column("talents", "新引进高层次人才", "人", 85, 1.12, 0),
         Column("engineers", "新引进海外工程师", "人", 12, 1.09, 0),
         Column("projects", "落地科创项目", "项", 30, 1.08, 0)],
        [("talents", "engineers")]),
]

CHART_TYPES = ["column", "bar", "line", "grouped"]


@dataclass
class ArticlePlan:
    """What is decided about an article before any body is written, so that links can
    point at articles (and headings) that come later in the corpus."""
    slug: str
    year: int
    title: str
    date: str
    headings: list[str]
    tags: list[str]
    summary: str | None
    byline: str
    source: str
    # Filled in once every article is planned; the two differ only in link targets.
    yearbook_body: str = ""
    hugo_body: str = ""


# ---------------------------------------------------------------------------
# Sentences and blocks
# ---------------------------------------------------------------------------


def number_clause(rng: Random) -> str:
    """A clause with a figure in it, as news prose has; numbers are ASCII digits."""
    template = rng.choice(NUMBER_CLAUSES)
    return template.format(p=f"{rng.uniform(1, 40):.1f}", n=rng.randint(3, 480),
                           m=f"{rng.uniform(0.5, 60):.2f}")


def bold(text: str, rng: Random, chance: float) -> str:
    """Wraps a phrase in **…** now and then. Callers pass phrases that begin and end with
    a CJK letter and place any punctuation outside, so the closing ** is right-flanking
    and CommonMark accepts the span (see README, "Emphasis next to Chinese punctuation")."""
    return f"**{text}**" if rng.random() < chance else text


def sentence(rng: Random, bold_chance: float = 0.12) -> str:
    """One news-like sentence, about 30-45 characters."""
    kind = rng.randrange(5)
    subject, verb = rng.choice(SUBJECTS), rng.choice(VERBS)
    obj, obj2 = rng.sample(OBJECTS, 2)
    if kind == 0:
        return f"{rng.choice(TIMES)}，{subject}{verb}{bold(obj, rng, bold_chance)}，{rng.choice(RESULTS)}。"
    if kind == 1:
        return (f"{rng.choice(CONNECTORS)}，{subject}围绕{obj}，{verb}{bold(obj2, rng, bold_chance)}，"
                f"{number_clause(rng)}。")
    if kind == 2:
        return f"{obj}方面，{subject}{verb}相关工作，{rng.choice(RESULTS)}，{number_clause(rng)}。"
    if kind == 3:
        return f"{subject}把{bold(obj, rng, bold_chance)}作为重点，{verb}{obj2}，努力做到{rng.choice(GOALS)}。"
    return f"{rng.choice(CONNECTORS)}，{obj}{rng.choice(PROGRESS)}，{subject}{number_clause(rng)}。"


def bullet_list(rng: Random) -> str:
    """An unordered list of 3-5 items, the last one ending the enumeration."""
    count = rng.randint(3, 5)
    items = []
    for index in range(count):
        end = "。" if index == count - 1 else "；"
        items.append(f"- {rng.choice(SUBJECTS)}：{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{number_clause(rng)}{end}")
    return "\n".join(items)


def ordered_list(rng: Random) -> str:
    """An ordered list of 3-4 steps."""
    count = rng.randint(3, 4)
    items = []
    for index in range(count):
        end = "。" if index == count - 1 else "；"
        items.append(f"{index + 1}. {rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(RESULTS)}{end}")
    return "\n".join(items)


def blockquote(rng: Random) -> str:
    """A quoted statement, as news articles cite officials and experts."""
    return f"> {rng.choice(QUOTE_SPEAKERS)}表示，{sentence(rng, 0)}{sentence(rng, 0)}"


def chart_fence(rng: Random) -> str:
    """One ```chart block with a type, a dataset and columns that fit each other."""
    kind = rng.choice(CHART_TYPES)
    dataset = rng.choice(DATASETS)
    labels = {column.name: column.label for column in dataset.columns}
    if kind == "grouped":
        columns = list(rng.choice(dataset.pairs))
        title = f"2015—2024年{labels[columns[0]]}与{labels[columns[1]]}"
    else:
        columns = [rng.choice(dataset.columns).name]
        title = f"2015—2024年{labels[columns[0]]}"
    return "\n".join([
        "```chart",
        f"type: {kind}",
        f"data: {dataset.id}",
        "x: year",
        f"y: [{', '.join(columns)}]",
        f"title: {title}",
        "```",
    ])


LINK_SENTENCES = ["相关情况可参阅[{text}]({url})。", "此前的进展见[{text}]({url})一文。",
                  "有关做法在[{text}]({url})中已有介绍。", "更多背景请见[{text}]({url})。"]


# ---------------------------------------------------------------------------
# Planning the corpus
# ---------------------------------------------------------------------------


def articles_per_report(total: int) -> list[int]:
    """N/10 articles per report; a remainder goes to the earliest reports."""
    base, extra = divmod(total, len(YEARS))
    return [base + (1 if index < extra else 0) for index in range(len(YEARS))]


def tag_choice(rng: Random) -> list[str]:
    """2-4 distinct tags, rank k drawn with weight 1/(k+1) (Zipf-like)."""
    weights = [1 / (rank + 1) for rank in range(len(TAGS))]
    wanted = rng.randint(2, 4)
    chosen: list[str] = []
    while len(chosen) < wanted:
        tag = rng.choices(TAGS, weights)[0]
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def person(rng: Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)


def byline(rng: Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return "本报记者"
    if kind == 1:
        return f"记者 {person(rng)}"
    if kind == 2:
        return f"记者 {person(rng)} 通讯员 {person(rng)}"
    return f"通讯员 {person(rng)}"


def title(rng: Random) -> str:
    """About 20 characters: a theme, a full-width colon and what happened."""
    return f"{rng.choice(TITLE_PREFIXES)}：{rng.choice(SUBJECTS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}"


def plan_articles(rng: Random, total: int) -> list[ArticlePlan]:
    """Decides titles, dates, headings and tags of every article, report by report."""
    width = max(5, len(str(total)))
    plans = []
    number = 1
    for year, count in zip(YEARS, articles_per_report(total)):
        for _ in range(count):
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
            summary = None
            if rng.random() < 0.2:
                summary = sentence(rng, 0)
            plans.append(ArticlePlan(
                slug=f"a{number:0{width}d}", year=year, title=title(rng), date=day.isoformat(),
                headings=rng.sample(HEADINGS, rng.randint(3, 4)), tags=tag_choice(rng),
                summary=summary, byline=byline(rng), source=rng.choice(SOURCES)))
            number += 1
    return plans


def choose_links(rng: Random, plan: ArticlePlan, plans: list[ArticlePlan],
                 by_year: dict[int, list[ArticlePlan]]) -> list[tuple[ArticlePlan, str]]:
    """2-3 other articles to link to: about half in the same report, the rest anywhere;
    one link in three points at one of the target's headings."""
    wanted = rng.randint(2, 3)
    links: list[tuple[ArticlePlan, str]] = []
    # A bounded number of draws, so a tiny corpus without enough targets still ends.
    for _ in range(50):
        if len(links) == wanted:
            break
        same_report = by_year[plan.year]
        pool = same_report if rng.random() < 0.5 and len(same_report) > 1 else plans
        target = rng.choice(pool)
        if target is plan or any(target is chosen for chosen, _ in links):
            continue
        fragment = rng.choice(target.headings) if rng.random() < 1 / 3 else ""
        links.append((target, fragment))
    return links


def yearbook_link(source: ArticlePlan, target: ArticlePlan, fragment: str) -> str:
    """A relative .md path, as an editor writes it and Yearbook rewrites it."""
    path = f"{target.slug}.md" if target.year == source.year else f"../{target.year}/{target.slug}.md"
    return path + (f"#{fragment}" if fragment else "")


def hugo_link(target: ArticlePlan, fragment: str) -> str:
    """The page URL, since Hugo does not rewrite .md links by default."""
    return f"/{target.year}/{target.slug}/" + (f"#{fragment}" if fragment else "")


# ---------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------


def article_body(rng: Random, plan: ArticlePlan, links: list[tuple[ArticlePlan, str]]) -> tuple[str, str]:
    """Returns the Yearbook and the Hugo body. They differ only in link targets.

    The fixed blocks (headings, lists, quote, chart, links) are placed first; prose
    sentences are then added until the Yearbook body reaches BODY_TARGET_BYTES, so every
    article costs about the same to render whatever the random choices were.
    """
    section_count = len(plan.headings)
    lead: list[str] = [sentence(rng, 0), sentence(rng, 0)]
    # Two paragraphs per section.
    paragraphs = [[sentence(rng)] for _ in range(section_count * 2)]
    extras: dict[int, list[str]] = {index: [] for index in range(section_count)}
    extras[0].append(bullet_list(rng))
    extras[1 % section_count].append(ordered_list(rng))
    extras[2 % section_count].append(blockquote(rng))
    extras[rng.randrange(section_count)].append(chart_fence(rng))
    # Link sentences never go into the lead, so the default summary stays plain prose.
    link_places = [(rng.choice(LINK_SENTENCES), rng.randrange(len(paragraphs))) for _ in links]

    def render(link_for) -> str:
        linked = [list(paragraph) for paragraph in paragraphs]
        for (target, fragment), (template, index) in zip(links, link_places):
            linked[index].append(template.format(text=target.title, url=link_for(target, fragment)))
        blocks = ["".join(lead)]
        for index, heading in enumerate(plan.headings):
            blocks.append(f"## {heading}")
            blocks.append("".join(linked[2 * index]))
            blocks.extend(extras[index])
            blocks.append("".join(linked[2 * index + 1]))
        return "\n\n".join(blocks) + "\n"

    def yearbook_links(target: ArticlePlan, fragment: str) -> str:
        return yearbook_link(plan, target, fragment)

    # Sentences only add their own bytes, so the size is tracked without re-rendering.
    size = len(render(yearbook_links).encode("utf-8"))
    slot = 0
    while size < BODY_TARGET_BYTES:
        added = sentence(rng)
        if len(lead) < 3:
            lead.append(added)
        else:
            paragraphs[slot % len(paragraphs)].append(added)
            slot += 1
        size += len(added.encode("utf-8"))
    return render(yearbook_links), render(hugo_link)


def report_intro(rng: Random, year: int) -> str:
    """The introduction of a report's own page: two paragraphs of prose."""
    first = f"本报告由{CITY}科学技术局整理，记录{year}年全市科技创新工作的主要进展。" + sentence(rng, 0) + sentence(rng, 0)
    second = sentence(rng, 0) + sentence(rng, 0) + sentence(rng, 0)
    return f"{first}\n\n{second}\n"


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), safe for any text."""
    return json.dumps(text, ensure_ascii=False)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def front_matter(pairs: list[tuple[str, str]]) -> str:
    lines = ["---"] + [f"{key}: {value}" for key, value in pairs] + ["---"]
    return "\n".join(lines) + "\n"


def article_front_matter(plan: ArticlePlan) -> str:
    """Both generators read the same YAML; Hugo keeps byline and source as params."""
    pairs = [("title", quoted(plan.title)), ("date", plan.date)]
    if plan.summary:
        pairs.append(("summary", quoted(plan.summary)))
    pairs.append(("byline", quoted(plan.byline)))
    pairs.append(("source", quoted(plan.source)))
    pairs.append(("tags", "[" + ", ".join(plan.tags) + "]"))
    return front_matter(pairs)


def report_front_matter(year: int) -> str:
    """A report is published early in the following year; Hugo keeps period as a param."""
    pairs = [("title", quoted(f"{year}年度科技创新工作报告")),
             ("date", f"{year + 1}-01-20"), ("period", quoted(str(year)))]
    return front_matter(pairs)


def dataset_yaml(rng: Random, spec: DatasetSpec) -> str:
    """A `columns:` + `rows:` dataset with one row per year, growing with some noise."""
    lines = [f"title: {quoted(spec.title)}", f"source: {quoted(spec.source)}",
             'period: "2015-2024"', "columns:", "  - {name: year, label: 年份}"]
    for column in spec.columns:
        lines.append(f"  - {{name: {column.name}, label: {quoted(column.label)}, unit: {quoted(column.unit)}}}")
    lines.append("rows:")
    values = {column.name: column.start for column in spec.columns}
    for year in YEARS:
        cells = [f"year: {year}"]
        for column in spec.columns:
            cells.append(f"{column.name}: {values[column.name]:.{column.decimals}f}")
            values[column.name] *= column.growth * rng.uniform(0.97, 1.03)
        lines.append("  - {" + ", ".join(cells) + "}")
    return "\n".join(lines) + "\n"


SITE_TITLE = f"{CITY}科技创新年度报告"
SITE_DESCRIPTION = f"{CITY}科学技术局编发的科技创新年度报告（基准测试用合成语料）。"
PUBLISHER = f"{CITY}科学技术局"


def site_yml() -> str:
    return "\n".join([
        f"title: {SITE_TITLE}",
        "language: zh-CN",
        "base_url: /",
        # Like Hugo's baseURL: the sitemap and the feed are written, with absolute URLs.
        "site_url: https://www.example.gov.cn",
        f"description: {SITE_DESCRIPTION}",
        f"publisher: {PUBLISHER}",
        "unsafe_html: false",
        "footer:",
        f"  organizer: {PUBLISHER}",
        '  site_code: "3399000001"',
        "  icp: 浙ICP备00000000号-1",
        "  police_record: 浙公网安备 33990000000000号",
        "  contact: 联系电话：0573-00000000",
    ]) + "\n"


def hugo_config() -> str:
    """Hugo defaults wherever the brief allows: goldmark, RSS and sitemap on."""
    return "\n".join([
        'baseURL = "/"',
        'languageCode = "zh-CN"',
        f'title = "{SITE_TITLE}"',
        "# Counts CJK characters as words for .Summary and word counts.",
        "hasCJKLanguage = true",
        "paginate = 50",
        "",
        "[taxonomies]",
        '  tag = "tags"',
        "",
        "[params]",
        f'  description = "{SITE_DESCRIPTION}"',
        f'  publisher = "{PUBLISHER}"',
        "",
    ])


HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} - {{ .Site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "css/yearbook.css" | relURL }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ $.Site.Title }}" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
<a class="site-title" href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav aria-label="年度报告"><ul>
{{ range .Site.Sections.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}<li><a href="{{ "tags/" | relURL }}">标签</a></li>
</ul></nav>
</header>
<main id="main" class="site-main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<p>主办单位：{{ .Site.Params.publisher }}</p>
<p>网站标识码：3399000001　浙ICP备00000000号-1　浙公网安备 33990000000000号</p>
<p>联系电话：0573-00000000</p>
</footer>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}
<article class="article">
<header class="page-header">
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>
{{ with .Params.byline }}<span>{{ . }}</span>{{ end }}
{{ with .Params.source }}<span>来源：{{ . }}</span>{{ end }}</p>
</header>
{{ with .TableOfContents }}<nav class="toc"><h2>本文目录</h2>{{ . }}</nav>{{ end }}
<div class="prose">
{{ .Content }}
</div>
<footer class="article-footer">
{{ with .GetTerms "tags" }}<p class="tags">标签：{{ range . }}<a class="tag" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
<p>本文收录于<a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></p>
<nav class="pager">
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">上一篇：{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">下一篇：{{ .Title }}</a>{{ end }}
</nav>
</footer>
</article>
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
<h2>本期文章</h2>
<ol class="article-list">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>
<p>{{ .Summary }}</p></li>
{{ end }}</ol>
{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}
<h1>全部标签</h1>
<ul class="tag-list">
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>（{{ .Count }}篇）</li>
{{ end }}</ul>
{{ end }}
""",
    "_default/taxonomy.html": """\
{{ define "main" }}
{{ $pager := .Paginate .Pages }}
<h1>标签：{{ .Title }}</h1>
<h2>共 {{ len .Pages }} 篇文章</h2>
<ol class="article-list">
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>
<p>{{ .Summary }}</p></li>
{{ end }}</ol>
{{ template "_internal/pagination.html" . }}
{{ end }}
""",
    "index.html": """\
{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<p>{{ .Site.Params.description }}</p>
<h2>历年报告</h2>
<ul class="report-list">
{{ range .Site.Sections.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ range first 1 .Site.Sections.ByDate.Reverse }}
<h2>{{ .Title }}</h2>
<ol class="article-list">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>
<p>{{ .Summary }}</p></li>
{{ end }}</ol>
{{ end }}
{{ end }}
""",
    # Yearbook writes a 404 page too; without this layout Hugo would not.
    "404.html": """\
{{ define "main" }}
<h1>页面未找到</h1>
<p><a href="{{ "/" | relURL }}">返回首页</a></p>
{{ end }}
""",
}


def write_yearbook(root: Path, rng: Random, plans: list[ArticlePlan], intros: dict[int, str]) -> None:
    content = root / "Content"
    write(content / "site.yml", site_yml())
    for spec in DATASETS:
        write(content / "data" / f"{spec.id}.yml", dataset_yaml(rng, spec))
    for year in YEARS:
        write(content / str(year) / "_index.md", report_front_matter(year) + intros[year])
    for plan in plans:
        write(content / str(plan.year) / f"{plan.slug}.md", article_front_matter(plan) + plan.yearbook_body)
    shutil.copytree(PROJECT_ROOT / "Templates", root / "Templates")


def write_hugo(root: Path, plans: list[ArticlePlan], intros: dict[int, str]) -> None:
    write(root / "config.toml", hugo_config())
    for name, text in HUGO_LAYOUTS.items():
        write(root / "layouts" / name, text)
    # The same stylesheet and favicon Yearbook copies, so both outputs carry them.
    shutil.copytree(PROJECT_ROOT / "Templates" / "static", root / "static")
    for year in YEARS:
        write(root / "content" / str(year) / "_index.md", report_front_matter(year) + intros[year])
    for plan in plans:
        write(root / "content" / str(plan.year) / f"{plan.slug}.md",
              article_front_matter(plan) + plan.hugo_body)


def generate(articles: int, out: Path) -> None:
    """Plans the corpus, writes the bodies, then both sites. The order of random draws
    is fixed, so the output depends on `articles` alone."""
    rng = Random(articles)
    plans = plan_articles(rng, articles)
    by_year: dict[int, list[ArticlePlan]] = {year: [] for year in YEARS}
    for plan in plans:
        by_year[plan.year].append(plan)
    for plan in plans:
        links = choose_links(rng, plan, plans, by_year)
        plan.yearbook_body, plan.hugo_body = article_body(rng, plan, links)
    intros = {year: report_intro(rng, year) for year in YEARS}

    # Only the two folders this script owns are replaced; anything else in `out` stays.
    for name in ("yearbook", "hugo"):
        if (out / name).exists():
            shutil.rmtree(out / name)
    write_yearbook(out / "yearbook", rng, plans, intros)
    write_hugo(out / "hugo", plans, intros)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles (N/10 per report)")
    parser.add_argument("--out", type=Path, required=True, help="folder for yearbook/ and hugo/")
    args = parser.parse_args()
    if args.articles < len(YEARS):
        parser.error(f"--articles must be at least {len(YEARS)} (one per report)")
    generate(args.articles, args.out)
    print(f"wrote {args.articles} articles to {args.out}/yearbook and {args.out}/hugo")


if __name__ == "__main__":
    main()
