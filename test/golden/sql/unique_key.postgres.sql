SELECT coalesce(sum("n"), 0) AS "failing", (array_agg("k" ORDER BY "k" COLLATE "C"))[1:5] AS "sample"
FROM (
SELECT CAST("zaak_id" AS TEXT) AS "k", count(*) AS "n"
FROM "zaken"
WHERE ("zaak_id") IS NOT NULL
GROUP BY "zaak_id"
HAVING (count(*)) > 1
) AS "failing_rows"
