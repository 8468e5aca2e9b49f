#!/usr/bin/env python3
"""Times Yearbook against Hugo on generated corpora, and against a floor that no static
site generator can beat (parsing the same Markdown with the cmark command line, plus
copying the output tree), then reports the figures against the project's targets.

    python3 Benchmarks/bench.py --yearbook .build/release/yearbook [--sizes 1000,10000]
        [--runs 5] [--work /dev/shm/yearbook-bench] [--project .] [--markdown] [--strict]

At the largest size it also measures search: the index's share of the build (from
`--timings`), and in headless Chromium (scripts/search_gate.py, from the project's .venv)
the bytes a query loads and the time until its results are shown.

Hugo and cmark come from Debian (`scripts/install-deps.sh bench`). The work folder is on
/dev/shm by default so that the disk does not dominate the timings.

Python 3.11 standard library only (Chromium is driven by a child process). The report is for people: it exits 0 even when a
target is missed, unless --strict is given.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent / "generate_corpus.py"

# Targets, as the product sets them. Each is checked only when its size was run.
TARGET_FLOOR_FACTOR = 2.0  # Yearbook within 2x the floor, with and without portal files
TARGET_PAGES_ONLY_HUGO_FACTOR = 0.5  # with `portal_files: false`, at most half Hugo's time
TARGET_RSS_10K_MB = 300
TARGET_DEFAULT_BUILD_MS = 60
TARGET_DEFAULT_CHECK_MS = 60
# Search, at the largest size: the index's share of the build, and in headless Chromium
# the bytes a four-character query loads and the time until its results are shown.
TARGET_SEARCH_SHARE = 0.10
TARGET_SEARCH_KB = 150
TARGET_SEARCH_MS = 100
SEARCH_QUERIES = ["科技创新", "成果转化", "孵化载体", "清川市"]
SEARCH_GATE = Path(__file__).resolve().parent.parent / "scripts" / "search_gate.py"


class BenchError(Exception):
    """A build or tool failed; the benchmark cannot mean anything after that."""


@dataclass
class Run:
    seconds: float
    rss_mb: float


@dataclass
class Series:
    """Repeated runs of one command, summarised by median and range: the median resists
    one slow run caused by the machine, the range shows how noisy the machine was."""
    runs: list[Run] = field(default_factory=list)

    def seconds(self) -> list[float]:
        return [run.seconds for run in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds())

    @property
    def low(self) -> float:
        return min(self.seconds())

    @property
    def high(self) -> float:
        return max(self.seconds())

    @property
    def rss_median(self) -> float:
        return statistics.median(run.rss_mb for run in self.runs)


@dataclass
class SizeResult:
    articles: int
    yearbook: Series
    # The same corpus with `portal_files: false`: pages only, no fragments or chart files.
    pages_only: Series
    hugo: Series
    cmark: Series
    copy: Series

    @property
    def floor(self) -> float:
        return self.cmark.median + self.copy.median


# ---------------------------------------------------------------------------
# Running and measuring
# ---------------------------------------------------------------------------


def run_measured(command: list[str], stdout=subprocess.DEVNULL) -> Run:
    """Runs a command and returns its wall time and peak RSS.

    The peak RSS comes from GNU time (`/usr/bin/time -f %M`): Linux keeps a process's
    ru_maxrss across exec, so a child forked straight from this (large) Python process
    would report Python's size for a small build. GNU time is a small process to fork
    from. stderr goes to a temporary file rather than a pipe, so a chatty command cannot
    block on a full pipe while we wait for it.
    """
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        process = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss.name, *command], stdout=stdout, stderr=errors)
        elapsed = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", errors="replace")
            raise BenchError(f"{' '.join(command)} exited with {process.returncode}:\n{message}")
        peak_kib = int(rss.read().strip().splitlines()[-1])
    return Run(seconds=elapsed, rss_mb=peak_kib / 1024)


def run_quiet(command: list[str]) -> str:
    """Runs an untimed helper command and returns its standard output."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def count_files(root: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(root))


# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------


def newest_mtime(root: Path) -> float:
    """The newest modification time under a folder, so a changed theme counts too."""
    newest = root.stat().st_mtime
    for folder, _, files in os.walk(root):
        for name in files:
            newest = max(newest, (Path(folder) / name).stat().st_mtime)
    return newest


def ensure_corpus(articles: int, work: Path, project: Path) -> Path:
    """Generates the corpus for one size unless a complete one newer than the generator
    (and the Templates it copies) is already there. A stamp file written last marks a
    complete corpus, so an interrupted generation is redone."""
    folder = work / f"corpus-{articles}"
    stamp = folder / ".generated"
    inputs = max(GENERATOR.stat().st_mtime, newest_mtime(project / "Templates"))
    if stamp.exists() and stamp.stat().st_mtime >= inputs:
        print(f"corpus of {articles} articles: cached in {folder}")
        return folder
    print(f"corpus of {articles} articles: generating in {folder} ...", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    remove(stamp)
    run_quiet([sys.executable, str(GENERATOR), "--articles", str(articles), "--out", str(folder)])
    pages_only_site(folder / "yearbook", folder / "yearbook-pages-only")
    stamp.write_text(f"{articles}\n")
    return folder


def pages_only_site(site: Path, copy: Path) -> None:
    """A copy of the Yearbook corpus with `portal_files: false`, the setting of a site that
    is not embedded in a portal: the same pages without fragments and chart files."""
    remove(copy)
    shutil.copytree(site, copy)
    config = copy / "Content" / "site.yml"
    config.write_text(config.read_text(encoding="utf-8") + "portal_files: false\n", encoding="utf-8")


def article_bodies(content: Path) -> str:
    """Every article's Markdown without its front matter, in a fixed order. cmark would
    read front matter as Markdown, which is not the work being measured."""
    parts = []
    for path in sorted(content.glob("*/*.md")):
        if path.name == "_index.md" or path.parent.name in ("data", "assets"):
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            if end != -1:
                text = text[end + 5:]
        parts.append(text)
    return "\n".join(parts)


# ---------------------------------------------------------------------------
# Benchmarks
# ---------------------------------------------------------------------------


def yearbook_build(binary: Path, root: Path, output: Path) -> list[str]:
    return [str(binary), "build", "--root", str(root), "--output", str(output)]


def hugo_build(source: Path, destination: Path) -> list[str]:
    # Both paths absolute: Hugo resolves a relative --destination against --source.
    return ["hugo", "--source", str(source), "--destination", str(destination), "--quiet"]


def bench_size(args: argparse.Namespace, articles: int) -> SizeResult:
    """One size: Yearbook and Hugo alternate run by run, so a machine that slows down
    during the benchmark slows both alike; then the floor."""
    corpus = ensure_corpus(articles, args.work, args.project)
    yb_out = args.work / f"out-yb-{articles}"
    pages_out = args.work / f"out-yb-pages-{articles}"
    hugo_out = args.work / f"out-hugo-{articles}"
    commands = {
        "yearbook": yearbook_build(args.yearbook, corpus / "yearbook", yb_out),
        "pages_only": yearbook_build(args.yearbook, corpus / "yearbook-pages-only", pages_out),
    }

    print(f"{articles} articles: warm-up ...", flush=True)
    for command in commands.values():
        run_measured(command)
    remove(hugo_out)
    run_measured(hugo_build(corpus / "hugo", hugo_out))

    yearbook, pages_only, hugo = Series(), Series(), Series()
    for index in range(args.runs):
        print(f"{articles} articles: run {index + 1} of {args.runs}", flush=True)
        # Yearbook replaces its output atomically, so the old output stays in place: that
        # is how it is used. Hugo would merge into an existing folder, so it starts empty.
        yearbook.runs.append(run_measured(commands["yearbook"]))
        remove(hugo_out)
        hugo.runs.append(run_measured(hugo_build(corpus / "hugo", hugo_out)))
        pages_only.runs.append(run_measured(commands["pages_only"]))

    cmark, copy = bench_floor(args, articles, corpus, yb_out)
    return SizeResult(articles, yearbook, pages_only, hugo, cmark, copy)


def bench_floor(args: argparse.Namespace, articles: int, corpus: Path, yb_out: Path) -> tuple[Series, Series]:
    """The floor: cmark over all the Markdown in one file, plus copying Yearbook's output
    tree. Rendering Markdown and writing the files is work any generator must do."""
    markdown = args.work / f"floor-{articles}.md"
    markdown.write_text(article_bodies(corpus / "yearbook" / "Content"), encoding="utf-8")
    copy_target = args.work / f"floor-copy-{articles}"
    cmark, copy = Series(), Series()
    for _ in range(args.runs):
        cmark.runs.append(run_measured(["cmark", str(markdown)]))
        remove(copy_target)
        copy.runs.append(run_measured(["cp", "-r", str(yb_out), str(copy_target)]))
    remove(copy_target)
    return cmark, copy


def bench_default_site(args: argparse.Namespace) -> tuple[Series, Series]:
    """The project's own site, the size editors actually build: build and check."""
    output = args.work / "out-default"
    build_command = yearbook_build(args.yearbook, args.project, output)
    check_command = [str(args.yearbook), "check", "--root", str(args.project)]
    print("default site: warm-up ...", flush=True)
    run_measured(build_command)
    run_measured(check_command)
    build, check = Series(), Series()
    for _ in range(args.runs):
        build.runs.append(run_measured(build_command))
        check.runs.append(run_measured(check_command))
    return build, check


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def seconds_range(series: Series) -> str:
    return f"{series.median:.3f} ({series.low:.3f}-{series.high:.3f})"


def milliseconds_range(series: Series) -> str:
    return f"{series.median * 1000:.0f} ms ({series.low * 1000:.0f}-{series.high * 1000:.0f})"


HEADERS = ["articles", "outputs", "Yearbook s (min-max)", "Hugo s (min-max)", "YB/Hugo",
           "YB RSS MB", "Hugo RSS MB", "floor s", "YB/floor"]


def table_rows(results: list[SizeResult]) -> list[list[str]]:
    """Two rows a size: every output (portal files on), then pages only. Hugo builds the
    same pages either way, so both rows compare against the same Hugo runs."""
    rows = []
    for result in results:
        for outputs, yearbook in (("every output", result.yearbook), ("portal_files: false", result.pages_only)):
            rows.append([
                f"{result.articles:,}",
                outputs,
                seconds_range(yearbook),
                seconds_range(result.hugo),
                f"{yearbook.median / result.hugo.median:.2f}",
                f"{yearbook.rss_median:.0f}",
                f"{result.hugo.rss_median:.0f}",
                f"{result.floor:.3f}",
                f"{yearbook.median / result.floor:.2f}",
            ])
    return rows


def print_text_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[index]) for row in [HEADERS] + rows) for index in range(len(HEADERS))]
    for row in [HEADERS] + rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths)))


def print_markdown_table(rows: list[list[str]], build: Series, check: Series) -> None:
    print("| " + " | ".join(HEADERS) + " |")
    print("|" + "|".join("---:" for _ in HEADERS) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(f"Default site: build {milliseconds_range(build)}, check {milliseconds_range(check)}.")


def targets(results: list[SizeResult], build: Series, check: Series) -> list[tuple[str, bool, str]]:
    """(target, met, measured) for every target whose size was run."""
    checks = []
    for result in results:
        size = f"{result.articles // 1000}k" if result.articles >= 1000 else str(result.articles)
        hugo = result.hugo.median
        checks.append((f"{size}, portal_files: false: <= {TARGET_PAGES_ONLY_HUGO_FACTOR:g}x Hugo ({TARGET_PAGES_ONLY_HUGO_FACTOR * hugo:.3f} s)",
                       result.pages_only.median <= TARGET_PAGES_ONLY_HUGO_FACTOR * hugo,
                       f"{result.pages_only.median:.3f} s"))
        checks.append((f"{size}, every output: faster than Hugo ({hugo:.3f} s)",
                       result.yearbook.median < hugo, f"{result.yearbook.median:.3f} s"))
        limit = TARGET_FLOOR_FACTOR * result.floor
        for outputs, series in (("every output", result.yearbook), ("portal_files: false", result.pages_only)):
            checks.append((f"{size}, {outputs}: <= {TARGET_FLOOR_FACTOR:g}x floor ({limit:.3f} s)",
                           series.median <= limit, f"{series.median:.3f} s"))
        if result.articles >= 10_000:
            checks.append((f"RSS at {size} <= {TARGET_RSS_10K_MB} MB",
                           result.yearbook.rss_median <= TARGET_RSS_10K_MB, f"{result.yearbook.rss_median:.0f} MB"))
    checks.append((f"default site build <= {TARGET_DEFAULT_BUILD_MS} ms",
                   build.median * 1000 <= TARGET_DEFAULT_BUILD_MS, f"{build.median * 1000:.0f} ms"))
    checks.append((f"default site check <= {TARGET_DEFAULT_CHECK_MS} ms",
                   check.median * 1000 <= TARGET_DEFAULT_CHECK_MS, f"{check.median * 1000:.0f} ms"))
    return checks


@dataclass
class SearchFigures:
    articles: int
    # The search step's share of the whole build, from `--timings`, over a few builds.
    shares: list[float]
    # Per query: bytes loaded (with the script) and milliseconds to results, in Chromium.
    queries: list[dict]


def bench_search(args: argparse.Namespace, articles: int) -> SearchFigures:
    """The search budgets at one size: `--timings` of a few builds (the search step
    against the total), then scripts/search_gate.py in headless Chromium over the built
    output, each query on a freshly loaded page."""
    python = args.project / ".venv" / "bin" / "python"
    corpus = args.work / f"corpus-{articles}" / "yearbook"
    output = args.work / f"out-yb-{articles}"
    shares = []
    for _ in range(3):
        completed = subprocess.run(yearbook_build(args.yearbook, corpus, output) + ["--timings", "--lang", "en"],
                                   capture_output=True, text=True)
        if completed.returncode != 0:
            raise BenchError(f"yearbook build --timings failed:\n{completed.stderr[-2000:]}")
        steps = {}
        for line in completed.stderr.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] == "s":
                steps[parts[2]] = float(parts[0])
        if "search" not in steps:
            raise BenchError("yearbook build --timings printed no search step")
        shares.append(steps["search"] / sum(steps.values()))
    if not python.exists():
        print("search: .venv missing (make test-deps): the Chromium figures are left out")
        return SearchFigures(articles, shares, [])
    command = [str(python), str(SEARCH_GATE), f"{output}:/", "--json"]
    for query in SEARCH_QUERIES:
        command += ["--measure", query]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        raise BenchError(f"search_gate.py failed:\n{completed.stderr[-2000:]}")
    return SearchFigures(articles, shares, json.loads(completed.stdout.splitlines()[-1])["queries"])


def search_lines(figures: SearchFigures) -> list[str]:
    lines = [f"search at {figures.articles:,}: index {statistics.median(figures.shares) * 100:.1f}% of the build "
             f"({', '.join(f'{share * 100:.1f}%' for share in figures.shares)})"]
    for query in figures.queries:
        lines.append(f"  {query['query']}: {query['results']} results, {query['bytes_with_script'] / 1024:.1f} KB "
                     f"loaded with the script and manifest ({query['files']} files), results after {query['ms']:.0f} ms "
                     f"(median of 5 page loads; slowest {query['max_ms']:.0f} ms)")
    return lines


def search_targets(figures: SearchFigures) -> list[tuple[str, bool, str]]:
    size = f"{figures.articles // 1000}k"
    share = statistics.median(figures.shares)
    checks = [(f"{size}, search index <= {TARGET_SEARCH_SHARE * 100:g}% of the build", share <= TARGET_SEARCH_SHARE,
               f"{share * 100:.1f}%")]
    for query in figures.queries:
        checks.append((f"{size}, search {query['query']!r}: <= {TARGET_SEARCH_KB} KB loaded",
                       query["bytes_with_script"] <= TARGET_SEARCH_KB * 1024,
                       f"{query['bytes_with_script'] / 1024:.1f} KB"))
        checks.append((f"{size}, search {query['query']!r}: results <= {TARGET_SEARCH_MS} ms",
                       query["ms"] <= TARGET_SEARCH_MS, f"{query['ms']:.0f} ms"))
    return checks


def machine_lines() -> list[str]:
    uname = run_quiet(["uname", "-sr"]).strip()
    hugo = run_quiet(["hugo", "version"]).strip()
    cmark = run_quiet(["cmark", "--version"]).splitlines()[0].strip()
    return [f"machine: {run_quiet(['nproc']).strip()} CPUs (nproc), {uname}",
            f"hugo: {hugo}", f"cmark: {cmark}"]


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--yearbook", type=Path, required=True, help="the yearbook binary to time")
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each command")
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/yearbook-bench"),
                        help="folder for corpora and outputs (kept between runs as a cache)")
    parser.add_argument("--project", type=Path, default=GENERATOR.parent.parent,
                        help="the Yearbook project: its default site and its Templates/")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    try:
        args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error(f"--sizes must be comma-separated integers, got {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 10:
        parser.error("--sizes: each size must be at least 10 (one article per report)")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    # Absolute paths throughout: commands run with other working folders (Hugo's
    # --source) and the binary must be found without PATH.
    args.yearbook = args.yearbook.resolve()
    args.work = args.work.resolve()
    args.project = args.project.resolve()
    return args


def check_tools(args: argparse.Namespace) -> None:
    missing = [tool for tool in ("hugo", "cmark") if shutil.which(tool) is None]
    if missing:
        raise BenchError(f"missing {', '.join(missing)}: run  scripts/install-deps.sh bench")
    if not os.access(args.yearbook, os.X_OK):
        raise BenchError(f"{args.yearbook} is not an executable yearbook binary")


def main() -> int:
    args = parse_args()
    try:
        check_tools(args)
        args.work.mkdir(parents=True, exist_ok=True)
        header = machine_lines()
        results = [bench_size(args, articles) for articles in sorted(args.sizes)]
        build, check = bench_default_site(args)
        search = bench_search(args, max(args.sizes))
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1

    print()
    for line in header:
        print(line)
    print(f"yearbook: {args.yearbook}; {args.runs} runs each, median (min-max)")
    print()
    rows = table_rows(results)
    print_text_table(rows)
    for result in results:
        print(f"floor at {result.articles:,}: cmark {result.cmark.median:.3f} s + cp -r {result.copy.median:.3f} s")
    print()
    print(f"default site build: {milliseconds_range(build)}, peak RSS {build.rss_median:.0f} MB")
    print(f"default site check: {milliseconds_range(check)}, peak RSS {check.rss_median:.0f} MB")
    largest = max(args.sizes)
    print(f"{largest:,} articles: yearbook wrote {count_files(args.work / f'out-yb-{largest}')} files, "
          f"hugo wrote {count_files(args.work / f'out-hugo-{largest}')} files")
    for line in search_lines(search):
        print(line)
    if args.markdown:
        print()
        print_markdown_table(rows, build, check)

    print()
    missed = 0
    for name, met, measured in targets(results, build, check) + search_targets(search):
        print(f"{'PASS' if met else 'MISS'}  {name}: {measured}")
        missed += not met
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
