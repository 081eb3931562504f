"""Where the time of one /parse goes, stage by stage, in-process (CPU time, medians).

    python bench/stages.py                  # every corpus text, 30 repeats, warm and cold caches
    python bench/stages.py --repeats 10 --doc seed-002

The stages are those of a /parse in the worker model: the body pickled to the parsing slot, then
in the slot normalise, sections, metadata, tables, sub-headings and section output, recovery,
checks, the schema dump (compiled) and orjson; the JSON bytes pickled back to the serving thread.
For comparison (not run by the service any more): marshmallow's own dump and the pickling of the
result dict, what the serving thread paid before. "cold"
clears the parser's lru caches before each run (a report not seen before); "warm" keeps them.
Also the HTML reading of each corpus page (source.html). Prints per-stage medians in µs for the
median document and a table per document.
"""

import argparse
import gc
import pickle
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from service import documents  # noqa: E402
from service.checks import CheckContext, run_checks  # noqa: E402
from service.formats import extract_text, Limits  # noqa: E402
from service.http.result_json import dump_result, json_default  # noqa: E402
from service.http.result_validation import RESULT_SCHEMA as SCHEMA  # noqa: E402
from service.parsing import cells, labels, recovery, report as report_module, table_order  # noqa: E402
from service.parsing.normalize import prepare  # noqa: E402
from service.parsing.recovery import recover  # noqa: E402
from service.parsing.sections import attach_subheadings, find_sections  # noqa: E402

CLOCK = time.process_time_ns


def clear_caches():
    for function in (cells._line_record_cached, labels._find_rows_cached,
                     table_order._line_values_cached):
        function.cache_clear()
    recovery.clear_splits()


def stages(text):
    """[(stage, ns)] of one /parse of `text` (the same work as documents.parse_submission)."""
    times = []
    mark = CLOCK()

    def lap(name):
        nonlocal mark
        now = CLOCK()
        times.append((name, now - mark))
        mark = now

    sent = pickle.dumps((documents.Submission(text, "text/plain", "utf-8"), False), pickle.HIGHEST_PROTOCOL)
    pickle.loads(sent)
    lap("pickle to slot")
    doc = prepare(text)
    lap("normalise")
    sections = find_sections(doc.norm)
    lap("sections")
    warnings = []
    report = report_module._report_metadata(doc, sections, warnings)
    lap("metadata")
    cell_lines, positional = {}, {}
    template, table_result, regions = report_module._read_tables(doc, sections, report["year"], warnings,
                                                                 cell_lines, positional)
    report["template"] = template
    lap("tables")
    attach_subheadings(doc.norm, sections, [region for region in regions.values() if region])
    output_sections = report_module._sections_output(doc, sections)
    lap("sub-headings + section output")
    result = {"schema_version": "x", "parser": {}, "report": report, "sections": output_sections,
              "tables": table_result, "provenance": {}, "warnings": warnings, "checks": []}
    reading = recover(report_module.Reading(result, doc, regions, cell_lines, positional))
    result = reading.output()
    lap("recovery")
    context = CheckContext(doc=reading.doc, regions=reading.regions, cell_lines=reading.cell_lines,
                           warnings=reading.result["warnings"])
    result = {**result, "checks": run_checks(result, context), "input": {"media_type": "text/plain",
                                                                          "encoding": "utf-8", "filename": None}}
    lap("checks")
    dumped = dump_result(result)
    lap("schema dump (compiled)")
    body = orjson.dumps(dumped, default=json_default)
    lap("orjson")
    pickle.loads(pickle.dumps(body, pickle.HIGHEST_PROTOCOL))
    lap("pickle back (bytes)")
    SCHEMA.dump(result)
    lap("marshmallow dump (not run)")
    pickle.loads(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    lap("pickle of the dict (not run)")
    return times


def measure(text, repeats, cold):
    per_stage = {}
    for _ in range(repeats):
        if cold:
            clear_caches()
        gc.disable()
        for name, ns in stages(text):
            per_stage.setdefault(name, []).append(ns)
        gc.enable()
    return {name: statistics.median(values) / 1000 for name, values in per_stage.items()}


def html_ms(path, repeats):
    data = path.read_bytes()
    extract_text(data, "text/html", None, Limits())
    times = []
    for _ in range(repeats):
        start = CLOCK()
        extract_text(data, "text/html", None, Limits())
        times.append((CLOCK() - start) / 1e6)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--doc", action="append", help="only these corpus ids")
    args = parser.parse_args()
    docs = sorted(p for p in args.corpus.glob("*/input.txt") if not args.doc or p.parent.name in args.doc)
    stage_names = None
    totals = {"warm": [], "cold": []}
    per_doc = {"warm": {}, "cold": {}}
    for path in docs:
        text = path.read_text(encoding="utf-8")
        stages(text)     # imports, first-call work
        for mode in ("warm", "cold"):
            result = measure(text, args.repeats, cold=mode == "cold")
            stage_names = list(result)
            per_doc[mode][path.parent.name] = result
            totals[mode].append(result)
    parse_stages = stage_names[1:stage_names.index("checks") + 1]
    print(f"CPU µs, median over {args.repeats} runs per document; {len(docs)} corpus texts")
    print(f"{'document':<22}{'chars':>7} " + " ".join(f"{'parse+checks ' + m:>19}" for m in ("warm", "cold"))
          + f" {'dump':>7} {'orjson':>7} {'pickles':>8}")
    for path in docs:
        name = path.parent.name
        warm, cold = per_doc["warm"][name], per_doc["cold"][name]
        print(f"{name:<22}{len(path.read_text(encoding='utf-8')):>7} "
              f"{sum(warm[s] for s in parse_stages):>19.0f} {sum(cold[s] for s in parse_stages):>19.0f} "
              f"{warm['schema dump (compiled)']:>7.0f} {warm['orjson']:>7.0f} "
              f"{warm['pickle to slot'] + warm['pickle back (bytes)']:>8.0f}")
    print()
    print(f"{'stage (median over documents)':<34}{'warm µs':>9}{'cold µs':>9}")
    for stage in stage_names:
        print(f"{stage:<34}{statistics.median(t[stage] for t in totals['warm']):>9.0f}"
              f"{statistics.median(t[stage] for t in totals['cold']):>9.0f}")
    for mode in ("warm", "cold"):
        sums = [sum(t[s] for s in parse_stages) for t in totals[mode]]
        print(f"parse + checks, {mode}: median {statistics.median(sums):.0f} µs, max {max(sums):.0f} µs")
    pages = sorted(args.corpus.glob("*/source.html"))
    if pages and not args.doc:
        page_times = [html_ms(page, max(5, args.repeats // 3)) for page in pages]
        print(f"HTML reading of the {len(pages)} corpus pages: median {statistics.median(page_times):.2f} ms, "
              f"max {max(page_times):.2f} ms ({', '.join(f'{t:.1f}' for t in page_times)})")


if __name__ == "__main__":
    main()
