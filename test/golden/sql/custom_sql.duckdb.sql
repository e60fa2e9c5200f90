SELECT coalesce(sum("n"), 0) AS "failing", min("k", 5) AS "sample"
FROM (
SELECT CAST("zaak_id" AS VARCHAR) AS "k", 1 AS "n"
FROM (
SELECT zaak_id FROM zaken WHERE status = 'afgedaan' AND afdoening IS NULL
) AS "custom_query"
) AS "failing_rows"
