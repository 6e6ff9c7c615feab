#!/usr/bin/env python3
"""Builds the benchmarks and the CLI, runs them all, measures the CLI on the
AWS managed policy corpus and on generated repositories, and rewrites the
results section of benchmarks/README.md (between the `results` markers).

  benchmarks/run.py [--build-dir build/bench] [--no-build] [--no-scaling] [--runs N]

Medians throughout. Wall time and peak RSS of a CLI run come from wait4(),
so they are the CLI's own, without a shell in between. Needs the shared
corpus ($POLICYLINT_SHARED_DIR, or ../shared beside the checkout).
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import generate_repo  # noqa: E402

SOURCE = pathlib.Path(__file__).resolve().parents[1]
PROGRAMS = ["bench_catalog", "bench_policy", "bench_corpus", "bench_secrets"]
SCALING_FILES = [1000, 5000, 20000, 50000]
SCALING_MIB = [1, 2, 5, 10]
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def shared_dir():
    return pathlib.Path(os.environ.get("POLICYLINT_SHARED_DIR") or SOURCE.parent / "shared")


def build(build_dir):
    subprocess.run(["cmake", "-S", SOURCE, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                    "-DPOLICYLINT_BUILD_BENCHMARKS=ON", "-DPOLICYLINT_WERROR=ON"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build_dir, "-j2", "--target", "policylint_cli", *PROGRAMS], check=True)


def timed_run(command):
    """Wall seconds and peak RSS (MiB) of one run, output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: findings, which is normal
        sys.exit(f"failed: {' '.join(map(str, command))}")
    return wall, usage.ru_maxrss / 1024


def median_run(command, runs):
    measured = [timed_run(command) for _ in range(runs)]
    return statistics.median(w for w, _ in measured), statistics.median(r for _, r in measured)


def run_benchmarks(build_dir, runs):
    """{program: [(name, median real time, unit, counters)]} from --benchmark_out JSON."""
    results = {}
    for program in PROGRAMS:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([build_dir / "benchmarks" / program, f"--benchmark_repetitions={runs}",
                            "--benchmark_report_aggregates_only=true", f"--benchmark_out={out.name}",
                            "--benchmark_out_format=json"], check=True, stdout=sys.stderr)
            report = json.load(open(out.name))
        results[program] = [(b["run_name"], b["real_time"], b["time_unit"], b)
                            for b in report["benchmarks"] if b.get("aggregate_name") == "median"]
    return results


def benchmark_time(results, program, name, unit):
    """A benchmark's median real time in `unit` (ns, us, ms or s)."""
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    for run_name, real, run_unit, _ in results[program]:
        if run_name == name:
            return real * scale[run_unit] / scale[unit]
    raise KeyError(name)


# The CLI's runs are short and a shared VM's speed drifts between seconds:
# more of them than of the benchmarks, for a median that holds still.
def corpus_runs(runs):
    return max(runs, 15)


def one_file_runs(runs):
    return max(runs, 30)


def cli_measurements(cli, runs):
    corpus = shared_dir() / "corpus" / "aws-managed"
    files = sorted(corpus.glob("*.json"), key=lambda p: p.stat().st_size)
    median_file = files[len(files) // 2]
    whole = median_run([cli, "--no-config", str(corpus)], corpus_runs(runs))
    one = median_run([cli, "--no-config", str(median_file)], one_file_runs(runs))
    return {"corpus": whole, "one_file": one, "one_file_name": median_file.name}


def scaling(cli, runs):
    rows_files, rows_document = [], []
    with tempfile.TemporaryDirectory(prefix="policylint-scaling-") as tmp:
        tmp = pathlib.Path(tmp)
        generate_repo.write_files(max(SCALING_FILES), tmp / "repo", shared_dir())
        for count in SCALING_FILES:
            folders = [str(tmp / "repo" / f"team{i:03d}") for i in range(count // generate_repo.FILES_PER_FOLDER)]
            wall, rss = median_run([cli, "--no-config", *folders], runs)
            rows_files.append((count, wall, rss))
        shutil.rmtree(tmp / "repo")
        for mib in SCALING_MIB:
            path = tmp / f"document-{mib}.json"
            statements = generate_repo.write_document(mib, path, shared_dir())
            wall, rss = median_run([cli, "--no-config", str(path)], runs)
            rows_document.append((mib, statements, wall, rss))
            path.unlink()
    return rows_files, rows_document


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 platform.processor())
    compiler = subprocess.run(["c++", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"{date}; {os.cpu_count()} cores ({model}); {compiler}; Release (-O3); "
            f"load average at the end {load}")


def fmt(value, digits=1):
    return f"{value:,.{digits}f}"


def render(results, cli, rows_files, rows_document, runs):
    parse_s = benchmark_time(results, "bench_corpus", "BM_CorpusJsonParse", "s")
    lint_s = benchmark_time(results, "bench_corpus", "BM_CorpusLint", "s")
    star_us = benchmark_time(results, "bench_catalog", "BM_ExpandStar", "us")
    every_ms = benchmark_time(results, "bench_catalog", "BM_ExpandManagedPolicies", "ms")
    corpus_wall, corpus_rss = cli["corpus"]
    one_wall, _ = cli["one_file"]
    lines = [
        BEGIN,
        "## Results",
        "",
        f"Written by `benchmarks/run.py`: {machine()}. Medians of {runs} runs (benchmarks: "
        f"`--benchmark_repetitions={runs}`; whole-corpus CLI runs: {corpus_runs(runs)}; one-file CLI runs: "
        f"{one_file_runs(runs)}).",
        "",
        "### Targets",
        "",
        "| Target | Measured | Goal | |",
        "|---|---:|---:|---|",
        f"| CLI wall, whole corpus, / bare `nlohmann::json::parse` of it ({fmt(parse_s * 1e3, 0)} ms) "
        f"| {fmt(corpus_wall * 1e3, 0)} ms = {corpus_wall / parse_s:.2f}× | ≤ 1.5× "
        f"| {'met' if corpus_wall <= 1.5 * parse_s else 'missed'} |",
        f"| CLI wall, one file (`{cli['one_file_name']}`, the median size) | {fmt(one_wall * 1e3)} ms | ≤ 5 ms "
        f"| {'met' if one_wall <= 0.005 else 'missed'} |",
        f"| CLI peak RSS, whole corpus | {fmt(corpus_rss)} MiB | ≤ 64 MiB "
        f"| {'met' if corpus_rss <= 64 else 'missed'} |",
        f"| `expand(\"*\")` | {fmt(star_us)} µs | ≤ 100 µs | {'met' if star_us <= 100 else 'missed'} |",
        f"| expanding every Action/NotAction of the corpus | {fmt(every_ms)} ms = {700 / every_ms:,.0f}× "
        f"faster than 0.7 s | ≥ 100× | {'met' if every_ms <= 7 else 'missed'} |",
        "",
        f"In-process, single thread: linting the corpus takes {fmt(lint_s * 1e3, 0)} ms, "
        f"{lint_s / parse_s:.2f}× the bare parse (`bench_corpus`).",
        "",
        "### Benchmarks",
        "",
        "| Program | Benchmark | Median wall | Throughput |",
        "|---|---|---:|---:|",
    ]
    for program, runs_of in results.items():
        for name, real, unit, data in runs_of:
            rate = ""
            if "bytes_per_second" in data:
                rate = f"{data['bytes_per_second'] / (1 << 20):,.1f} MiB/s"
            elif "actions/s" in data:
                rate = f"{data['actions/s'] / 1e6:,.1f} M actions/s"
            unit = "µs" if unit == "us" else unit
            lines.append(f"| `{program}` | `{name}` | {real:,.2f} {unit} | {rate} |")
    lines += [
        "",
        "### Scaling: many files",
        "",
        "Generated copies of the corpus policies (`generate_repo.py files`), linted by the CLI in one run.",
        "",
        "| Files | Wall | Per 1,000 files | Peak RSS |",
        "|---:|---:|---:|---:|",
    ]
    for count, wall, rss in rows_files:
        lines.append(f"| {count:,} | {fmt(wall, 2)} s | {fmt(wall * 1000 / count * 1e3, 0)} ms | {fmt(rss)} MiB |")
    lines += [
        "",
        "### Scaling: one large document",
        "",
        "One policy of corpus statements (`generate_repo.py document`), linted by the CLI.",
        "",
        "| Size | Statements | Wall | Per MiB | Peak RSS |",
        "|---:|---:|---:|---:|---:|",
    ]
    for mib, statements, wall, rss in rows_document:
        lines.append(f"| {mib} MiB | {statements:,} | {fmt(wall, 2)} s | {fmt(wall / mib * 1e3, 0)} ms "
                     f"| {fmt(rss)} MiB |")
    lines.append(END)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=SOURCE / "build" / "bench", type=pathlib.Path)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (shared_dir() / "corpus" / "aws-managed").is_dir():
        sys.exit(f"no corpus under {shared_dir()} (set POLICYLINT_SHARED_DIR)")
    if not args.no_build:
        build(args.build_dir)
    cli = args.build_dir / "tools" / "policylint"
    results = run_benchmarks(args.build_dir, args.runs)
    measured = cli_measurements(cli, args.runs)
    rows_files, rows_document = ([], []) if args.no_scaling else scaling(cli, 3)
    section = render(results, measured, rows_files, rows_document, args.runs)
    readme = SOURCE / "benchmarks" / "README.md"
    text = readme.read_text()
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END) + "\n", re.S)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    readme.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
