SELECT count(*) AS "__livinglab_rows", coalesce(count_if("__livinglab_s0"), 0) AS "__livinglab_in_scope0", coalesce(count_if("__livinglab_f0"), 0) AS "__livinglab_failing0", min(CASE WHEN "__livinglab_f0" THEN "__livinglab_key" END, 5) AS "__livinglab_sample0"
FROM (
SELECT *, CAST("zaak_id" AS VARCHAR) AS "__livinglab_key", coalesce("status" <> 'afgedaan', FALSE) AS "__livinglab_s0", (coalesce("status" <> 'afgedaan', FALSE)) AND (coalesce("laatst_gewijzigd" < DATE '2024-06-30', FALSE)) AS "__livinglab_f0"
FROM "zaken"
) AS "__livinglab_scan"
