"""Runs the SodaCL checks that bench/peer-checks.ts wrote, on DuckDB views over the Parquet files.

    python soda_scan.py <plan.json> <data folder> <memory limit>

Prints one JSON line per check (id, outcome, value) and nothing else on stdout.
"""
import json
import sys

import duckdb
from soda.scan import Scan

plan_file, data_dir, memory_limit = sys.argv[1:4]
with open(plan_file, encoding="utf-8") as f:
    plan = json.load(f)

connection = duckdb.connect(":memory:", config={"memory_limit": memory_limit})
for table in plan["tables"]:
    file = f"{data_dir}/{table}.parquet".replace("'", "''")
    connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{file}')")

scan = Scan()
scan.set_data_source_name("duckdb")
scan.add_duckdb_connection(connection, data_source_name="duckdb")
scan.add_sodacl_yaml_str(plan["soda_yaml"])
scan.execute()
if scan.has_error_logs():
    print(scan.get_error_logs_text(), file=sys.stderr)
    sys.exit(3)
for check in scan.get_scan_results()["checks"]:
    value = (check.get("diagnostics") or {}).get("value")
    print(json.dumps({"id": check["name"], "outcome": check["outcome"], "value": value}))
