SELECT coalesce(sum(`n`), 0) AS `failing`, min_by(`k`, `k`, 5) AS `sample`
FROM (
SELECT CAST(`zaak_id` AS STRING) AS `k`, 1 AS `n`
FROM `zaken` AS `child`
LEFT ANTI JOIN `verdachten` AS `parent` ON `parent`.`verdachte_id` = `child`.`verdachte_id`
WHERE (`child`.`verdachte_id`) IS NOT NULL
) AS `failing_rows`
