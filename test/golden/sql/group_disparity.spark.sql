SELECT CAST(`arrondissement` AS STRING) AS `g`, count(*) AS `n`, count_if((`pleegdatum`) IS NULL) AS `e`
FROM `zaken`
WHERE (CAST(`arrondissement` AS STRING)) IS NOT NULL
GROUP BY CAST(`arrondissement` AS STRING)
