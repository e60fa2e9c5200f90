SELECT coalesce(sum(`n`), 0) AS `failing`, min_by(`k`, `k`, 5) AS `sample`
FROM (
SELECT CAST(`zaak_id` AS STRING) AS `k`, count(*) AS `n`
FROM `zaken`
WHERE (`zaak_id`) IS NOT NULL
GROUP BY `zaak_id`
HAVING (count(*)) > 1
) AS `failing_rows`
