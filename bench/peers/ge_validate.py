"""Runs the expectations that bench/peer-checks.ts wrote, on pandas DataFrames of the Parquet files.

    python ge_validate.py <plan.json> <data folder>

Prints one JSON line per expectation (id, outcome, unexpected count) and nothing else on stdout.
"""
import json
import os
import sys
from datetime import datetime

# No progress bars on stderr, and no usage statistics sent anywhere.
os.environ.setdefault("TQDM_DISABLE", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import great_expectations as gx
import pandas as pd
import pyarrow.parquet as pq

plan_file, data_dir = sys.argv[1:3]
with open(plan_file, encoding="utf-8") as f:
    plan = json.load(f)

frames = {}
for frame in plan["ge"]["frames"]:
    if "table" in frame:
        # Dates as timestamps, so that a date bound compares as a date.
        frames[frame["name"]] = pq.read_table(f"{data_dir}/{frame['table']}.parquet").to_pandas(date_as_object=False)
    else:
        merge, age = frame["merge"], frame["age"]
        merged = frames[merge["left"]].merge(frames[merge["right"]], on=merge["on"], suffixes=("", "__r"))
        merged[age["column"]] = merged[age["year_of"]].dt.year - merged[age["minus"]]
        frames[frame["name"]] = merged


def resolve(value):
    """A date as a timestamp; every distinct value of another frame's column as a list."""
    if isinstance(value, dict) and "$date" in value:
        return datetime.fromisoformat(value["$date"])
    if isinstance(value, dict) and "$values_of" in value:
        source = value["$values_of"]
        return frames[source["frame"]][source["column"]].dropna().unique().tolist()
    return value


context = gx.get_context(mode="ephemeral")
source = context.data_sources.add_pandas("livinglab")
by_frame = {}
for e in plan["ge"]["expectations"]:
    by_frame.setdefault(e["frame"], []).append(e)
for name, expectations in by_frame.items():
    asset = source.add_dataframe_asset(name)
    batch = asset.add_batch_definition_whole_dataframe(name).get_batch(batch_parameters={"dataframe": frames[name]})
    suite = gx.ExpectationSuite(name=name)
    for e in expectations:
        kwargs = {key: resolve(value) for key, value in e["kwargs"].items()}
        suite.add_expectation(getattr(gx.expectations, e["expectation"])(**kwargs, meta={"id": e["id"]}))
    result = batch.validate(suite, result_format="BASIC")
    for r in result.results:
        meta = r.expectation_config.meta or {}
        if r.exception_info and r.exception_info.get("raised_exception"):
            print(r.exception_info.get("exception_message"), file=sys.stderr)
            sys.exit(3)
        print(json.dumps({
            "id": meta["id"],
            "outcome": "pass" if r.success else "fail",
            "value": r.result.get("unexpected_count", r.result.get("observed_value")),
        }, default=str))
