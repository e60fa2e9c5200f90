SELECT coalesce(sum("n"), 0) AS "failing", (array_agg("k" ORDER BY "k" COLLATE "C"))[1:5] AS "sample"
FROM (
SELECT CAST("zaak_id" AS TEXT) AS "k", 1 AS "n"
FROM (
SELECT zaak_id FROM zaken WHERE status = 'afgedaan' AND afdoening IS NULL
) AS "custom_query"
) AS "failing_rows"
