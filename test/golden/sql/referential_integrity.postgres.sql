SELECT coalesce(sum("n"), 0) AS "failing", (array_agg("k" ORDER BY "k" COLLATE "C"))[1:5] AS "sample"
FROM (
SELECT CAST("zaak_id" AS TEXT) AS "k", 1 AS "n"
FROM "zaken" AS "child"
WHERE (("child"."verdachte_id") IS NOT NULL) AND (NOT EXISTS (SELECT 1
FROM "verdachten" AS "parent"
WHERE "parent"."verdachte_id" = "child"."verdachte_id"))
) AS "failing_rows"
