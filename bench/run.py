"""The benchmark: one command, one table, the same as JSON under bench/results/.

    uv run python -m bench.run            # the real run (5 rounds; about 3 minutes)
    uv run python -m bench.run --quick    # while developing (2 rounds)

Every figure is the median of several runs. Targets (2-core machine):
start-up within 1.3x the bare Flet app; quick log p95 under 5 ms in the service
and the UI round trip within 1.5x the bare app's click; each destination's
first content under 300 ms; each summary and insight under 50 ms; peak memory
within 1.5x the bare app.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench import browser, dataset, services_bench, ui_bench

RESULTS = Path(__file__).resolve().parent / "results"

STARTUP_RATIO = 1.3
CLICK_RATIO = 1.5
QUICK_LOG_P95_MS = 5.0
DESTINATION_MS = 300.0
SUMMARY_MS = 50.0
MEMORY_RATIO = 1.5


def machine() -> dict:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def browser_part(heavy_src: Path, work: Path, *, rounds: int, destination_runs: int, log) -> dict:
    heavy_dir = ui_bench.prepare_dir(heavy_src, work / "heavy-app")
    empty_dir = ui_bench.prepare_dir(None, work / "empty-app")
    sessions: dict[str, list[ui_bench.Session]] = {"bare": [], "empty": [], "heavy": []}
    first_of_day: dict[str, float] = {}
    failures: list[str] = []
    with browser.chromium() as b:
        # Warm-up, not counted: the OS file cache, Python's bytecode cache, and the
        # app's once-a-day backup, which a second start the same day skips.
        for kind, d in (("bare", None), ("empty", empty_dir), ("heavy", heavy_dir)):
            try:
                s = ui_bench.run_session(b, kind, d)
            except Exception as exc:
                failures.append(f"warm-up {kind}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                log("  " + failures[-1])
                continue
            first_of_day[kind] = s.startup_ms
            log(f"  warm-up {kind}: {s.startup_ms:.0f} ms")
        order = ["bare", "empty", "heavy"]
        for r in range(rounds):
            for kind in order[r % 3:] + order[: r % 3]:  # rotate so drift in load hits all alike
                d = {"bare": None, "empty": empty_dir, "heavy": heavy_dir}[kind]
                try:
                    s = ui_bench.run_session(
                        b, kind, d,
                        clicks=ui_bench.CLICKS if kind in ("bare", "heavy") else 0,
                        destination_runs=destination_runs if kind == "heavy" else 0,
                    )
                except Exception as exc:  # one broken session must not lose the others
                    failures.append(f"round {r + 1} {kind}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                    log("  " + failures[-1])
                    continue
                sessions[kind].append(s)
                p50 = services_bench.percentile(s.clicks_ms, 50) if s.clicks_ms else None
                log(f"  round {r + 1} {kind}: start {s.startup_ms:.0f} ms (server up at {s.listening_ms:.0f}), click p50 {p50 if p50 is None else round(p50, 1)} ms, "
                    f"rss {s.peak_rss_mb:.1f} MB" + (f", errors: {s.errors}" if s.errors else ""))
    out: dict = {"first_start_of_day_ms": first_of_day, "sessions": {k: [vars(s) for s in v] for k, v in sessions.items()}}
    out["startup_ms"] = {k: _med([s.startup_ms for s in v]) for k, v in sessions.items()}
    out["listening_ms"] = {k: _med([s.listening_ms for s in v]) for k, v in sessions.items()}
    out["click_p50_ms"] = {
        k: _med([services_bench.percentile(s.clicks_ms, 50) for s in v if s.clicks_ms]) for k, v in sessions.items() if k != "empty"
    }
    out["peak_rss_mb"] = {k: _med([s.peak_rss_mb for s in v]) for k, v in sessions.items()}
    out["destinations_ms"] = {
        d.name: _med([t for s in sessions["heavy"] for t in s.destinations_ms.get(d.name, [])]) for d in ui_bench.DESTINATIONS
    }
    out["errors"] = failures + sorted({e for s in sessions["heavy"] for e in s.errors})
    return out


def build_rows(res: dict) -> list[dict]:
    rows: list[dict] = []

    def row(section, name, value, unit, target_text, ok):
        rows.append({"section": section, "measure": name, "value": value, "unit": unit, "target": target_text,
                     "result": "n/a" if ok is None else ("PASS" if ok else "MISS")})

    ui = res.get("browser")
    if ui:
        st, bare = ui["startup_ms"], ui["startup_ms"]["bare"]
        row("1 start-up", "bare Flet app", bare, "ms", "baseline", None)
        for kind in ("bare", "empty", "heavy"):
            row("1 start-up", f"  of which: server up ({kind})", ui["listening_ms"][kind], "ms", "info", None)
        for kind in ("empty", "heavy"):
            ratio = st[kind] / bare if st.get(kind) and bare else None
            row("1 start-up", f"{kind} dataset", st[kind], "ms", f"<= {STARTUP_RATIO}x bare" + (f" (x{ratio:.2f})" if ratio else ""),
                None if ratio is None else ratio <= STARTUP_RATIO)
        row("1 start-up", "heavy, first start of the day (daily backup)", ui["first_start_of_day_ms"].get("heavy"), "ms", "info (1 sample)", None)
    ql = res.get("quick_log")
    if ql:
        row("2 quick log", "service p50 (1,000 calls)", ql["p50_ms"], "ms", "info", None)
        row("2 quick log", "service p95 (1,000 calls)", ql["p95_ms"], "ms", f"< {QUICK_LOG_P95_MS:g} ms", ql["p95_ms"] < QUICK_LOG_P95_MS)
    qn = res.get("quick_log_normal")
    if qn:  # what synchronous=FULL (the app's setting: durable across power cuts) costs
        row("2 quick log", "  same, synchronous=NORMAL (comparison)", qn["p95_ms"], "ms", "info", None)
    bk = res.get("daily_backup")
    if bk:
        row("1 start-up", f"daily backup, checked ({bk['size_mb']:.0f} MB file)", bk["median_ms"], "ms", "info", None)
    if ui:
        cl = ui["click_p50_ms"]
        row("2 quick log", "bare app click round trip p50", cl.get("bare"), "ms", "baseline", None)
        ratio = cl["heavy"] / cl["bare"] if cl.get("heavy") and cl.get("bare") else None
        row("2 quick log", "+1 application round trip p50 (heavy)", cl.get("heavy"), "ms",
            f"<= {CLICK_RATIO}x bare" + (f" (x{ratio:.2f})" if ratio else ""), None if ratio is None else ratio <= CLICK_RATIO)
        for name, v in ui["destinations_ms"].items():
            row("3 destinations", name, v, "ms", f"< {DESTINATION_MS:g} ms", None if v is None else v < DESTINATION_MS)
    for name, v in (res.get("summaries") or {}).items():
        if v["group"] == "text":
            # What the user waits for after pressing a button: a screen's budget.
            limit = DESTINATION_MS if name.startswith("keyword") else SUMMARY_MS
            row("4 text checks", name, v["median_ms"], "ms", f"< {limit:g} ms", v["median_ms"] < limit)
            continue
        if v["group"] in ("destination", "deck"):
            continue
        section = "4 Today" if v["group"] == "today" else "4 insights"
        row(section, name, v["median_ms"], "ms", f"< {SUMMARY_MS:g} ms", v["median_ms"] < SUMMARY_MS)
        if v.get("repeat_ms") is not None and v["repeat_ms"] < 0.5 * v["median_ms"]:
            row(section, f"  {name}, repeat (service cache)", v["repeat_ms"], "ms", "info", None)
    for name, v in (res.get("summaries") or {}).items():
        if v["group"] in ("destination", "deck"):
            row("3 server share", name, v["median_ms"], "ms", "info", None)
    rows.sort(key=lambda r: r["section"][0])  # stable: keeps the order within a section
    if ui:
        rss = ui["peak_rss_mb"]
        row("5 memory", "bare Flet app peak RSS", rss["bare"], "MB", "baseline", None)
        row("5 memory", "empty dataset peak RSS", rss["empty"], "MB", "info", None)
        ratio = rss["heavy"] / rss["bare"] if rss.get("heavy") and rss.get("bare") else None
        row("5 memory", "heavy dataset peak RSS", rss["heavy"], "MB", f"<= {MEMORY_RATIO}x bare" + (f" (x{ratio:.2f})" if ratio else ""),
            None if ratio is None else ratio <= MEMORY_RATIO)
    return rows


def render(rows: list[dict]) -> str:
    lines = [f"{'section':<15} {'measure':<46} {'value':>10}  {'target':<26} result", "-" * 106]
    for r in rows:
        v = r["value"]
        value = "—" if v is None else (f"{v:.1f} {r['unit']}" if v >= 10 else f"{v:.2f} {r['unit']}")
        lines.append(f"{r['section']:<15} {r['measure']:<46} {value:>10}  {r['target']:<26} {r['result']}")
    return "\n".join(lines)


def markdown(res: dict) -> str:
    """The same table for docs/benchmark.md, with the machine and load."""
    m = res["machine"]
    out = [
        f"Run {res['when']} ({'quick' if res['quick'] else 'full'}, {res['rounds']} browser rounds, {res['seconds']} s): "
        f"{m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB RAM, {m['platform']}, Python {m['python']}; "
        f"load average {m['load_average'][0]:.2f} / {m['load_average'][1]:.2f} / {m['load_average'][2]:.2f} before, "
        f"{m['load_average_after'][0]:.2f} after.",
        "",
        "| Section | Measure | Value | Target | Result |",
        "|---|---|---:|---|---|",
    ]
    for r in res["rows"]:
        v = r["value"]
        value = "—" if v is None else (f"{v:.1f} {r['unit']}" if v >= 10 else f"{v:.2f} {r['unit']}")
        out.append(f"| {r['section']} | {r['measure'].strip()} | {value} | {r['target']} | {r['result']} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.run", description="Bounceback benchmark (issue 7)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for development")
    parser.add_argument("--rounds", type=int, default=None, help="browser rounds (default 5, quick 2)")
    parser.add_argument("--no-browser", action="store_true", help="services only")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    rounds = args.rounds or (2 if args.quick else 5)
    runs = 10 if args.quick else 30
    batches = 1 if args.quick else 3
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731

    started = time.perf_counter()
    res: dict = {"when": datetime.now().astimezone().isoformat(timespec="seconds"), "quick": args.quick,
                 "rounds": rounds, "machine": machine()}
    with tempfile.TemporaryDirectory(prefix="bounceback-bench-") as tmp:
        work = Path(tmp)
        log("generating the heavy dataset...")
        res["dataset"] = dataset.generate(work / "heavy", scale=args.scale)
        log("services: quick log...")
        res["quick_log"] = services_bench.quick_log(work / "heavy", calls=1000, batches=batches)
        res["quick_log_normal"] = services_bench.quick_log(work / "heavy", calls=1000, batches=batches, synchronous="NORMAL")
        log("services: daily backup...")
        res["daily_backup"] = services_bench.daily_backup(work / "heavy", runs=3)
        log("services: Today and insights...")
        res["summaries"] = services_bench.summaries(work / "heavy", runs=runs)
        if not args.no_browser:
            log(f"browser: {rounds} rounds...")
            res["browser"] = browser_part(work / "heavy", work, rounds=rounds, destination_runs=1 if args.quick else 2, log=log)
    res["machine"]["load_average_after"] = os.getloadavg()
    res["seconds"] = round(time.perf_counter() - started, 1)
    res["rows"] = build_rows(res)
    table = render(res["rows"])
    print(table)
    if res.get("browser", {}).get("errors"):
        print("\nerrors:", *res["browser"]["errors"], sep="\n  ")
    m = res["machine"]
    print(f"\n{m['cpus']} CPUs, {m['cpu']}, {m['memory_gb']} GB; load {m['load_average'][0]:.2f} before, "
          f"{m['load_average_after'][0]:.2f} after; {res['seconds']} s")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (f"run-{stamp}{'-quick' if args.quick else ''}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(res, indent=1, default=str))
    (RESULTS / "latest.md").write_text(markdown(res))
    print(f"written: {RESULTS / 'latest.json'} and latest.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
