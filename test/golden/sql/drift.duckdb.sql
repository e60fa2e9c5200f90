SELECT count(*) AS "__livinglab_rows"
FROM (
SELECT *, CAST("zaak_id" AS VARCHAR) AS "__livinglab_key"
FROM "zaken"
) AS "__livinglab_scan"
