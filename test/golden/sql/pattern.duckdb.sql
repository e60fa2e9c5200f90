SELECT count(*) AS "__livinglab_rows", coalesce(count_if("__livinglab_f0"), 0) AS "__livinglab_failing0", min(CASE WHEN "__livinglab_f0" THEN "__livinglab_key" END, 5) AS "__livinglab_sample0"
FROM (
SELECT *, CAST("zaak_id" AS VARCHAR) AS "__livinglab_key", (("parketnummer") IS NOT NULL) AND (NOT (regexp_matches(CAST("parketnummer" AS VARCHAR), '^(?:[0-9]{2}/[0-9]{6}-[0-9]{2})$', 's'))) AS "__livinglab_f0"
FROM "zaken"
) AS "__livinglab_scan"
