SELECT count(*) AS "__livinglab_rows", coalesce(count_if("__livinglab_f0"), 0) AS "__livinglab_failing0", min(CASE WHEN "__livinglab_f0" THEN "__livinglab_key" END, 5) AS "__livinglab_sample0"
FROM (
SELECT *, CAST("zaak_id" AS VARCHAR) AS "__livinglab_key", coalesce("pleegdatum" >= DATE '2025-07-01', FALSE) AS "__livinglab_f0"
FROM "zaken"
) AS "__livinglab_scan"
