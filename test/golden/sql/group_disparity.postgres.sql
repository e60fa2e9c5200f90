SELECT CAST("arrondissement" AS TEXT) AS "g", count(*) AS "n", count(*) FILTER (WHERE ("pleegdatum") IS NULL) AS "e"
FROM "zaken"
WHERE (CAST("arrondissement" AS TEXT)) IS NOT NULL
GROUP BY CAST("arrondissement" AS TEXT)
