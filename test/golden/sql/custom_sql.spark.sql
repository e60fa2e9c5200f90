SELECT coalesce(sum(`n`), 0) AS `failing`, min_by(`k`, `k`, 5) AS `sample`
FROM (
SELECT CAST(`zaak_id` AS STRING) AS `k`, 1 AS `n`
FROM (
SELECT zaak_id FROM zaken WHERE status = 'afgedaan' AND afdoening IS NULL
) AS `custom_query`
) AS `failing_rows`
