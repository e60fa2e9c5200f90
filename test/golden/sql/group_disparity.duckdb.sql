SELECT CAST("arrondissement" AS VARCHAR) AS "g", count(*) AS "n", count(*) FILTER (WHERE ("pleegdatum") IS NULL) AS "e"
FROM "zaken"
WHERE (CAST("arrondissement" AS VARCHAR)) IS NOT NULL
GROUP BY CAST("arrondissement" AS VARCHAR)
