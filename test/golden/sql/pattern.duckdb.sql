SELECT count(*) AS "n", count(*) FILTER (WHERE "__livinglab_f0") AS "f0", min("__livinglab_key", 5) FILTER (WHERE "__livinglab_f0") AS "k0"
FROM (
SELECT *, CAST("zaak_id" AS VARCHAR) AS "__livinglab_key", (("parketnummer") IS NOT NULL) AND (NOT (regexp_full_match(CAST("parketnummer" AS VARCHAR), '[0-9]{2}/[0-9]{6}-[0-9]{2}'))) AS "__livinglab_f0"
FROM "zaken"
) AS "scan"
