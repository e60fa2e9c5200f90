SELECT count(*) AS "__livinglab_rows", count(*) FILTER (WHERE "__livinglab_f0") AS "__livinglab_failing0", (array_agg("__livinglab_key" ORDER BY "__livinglab_key" COLLATE "C") FILTER (WHERE "__livinglab_f0"))[1:5] AS "__livinglab_sample0"
FROM (
SELECT *, CAST("zaak_id" AS TEXT) AS "__livinglab_key", coalesce("afdoeningsdatum" < "instroomdatum", FALSE) AS "__livinglab_f0"
FROM "zaken"
) AS "__livinglab_scan"
