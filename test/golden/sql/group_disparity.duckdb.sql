SELECT CAST("arrondissement" AS VARCHAR) AS "g", count(*) AS "n", coalesce(count_if(("pleegdatum") IS NULL), 0) AS "e"
FROM "zaken"
WHERE (CAST("arrondissement" AS VARCHAR)) IS NOT NULL
GROUP BY CAST("arrondissement" AS VARCHAR)
