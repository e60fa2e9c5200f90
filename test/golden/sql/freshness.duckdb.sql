SELECT count(*) AS "n", count(*) FILTER (WHERE "__livinglab_s0") AS "s0", count(*) FILTER (WHERE "__livinglab_f0") AS "f0", min("__livinglab_key", 5) FILTER (WHERE "__livinglab_f0") AS "k0"
FROM (
SELECT *, CAST("zaak_id" AS VARCHAR) AS "__livinglab_key", coalesce("status" <> 'afgedaan', FALSE) AS "__livinglab_s0", (coalesce("status" <> 'afgedaan', FALSE)) AND (coalesce("laatst_gewijzigd" < DATE '2024-06-30', FALSE)) AS "__livinglab_f0"
FROM "zaken"
) AS "scan"
