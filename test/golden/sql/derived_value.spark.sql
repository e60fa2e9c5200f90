SELECT coalesce(sum(`n`), 0) AS `failing`, min_by(`k`, `k`, 5) AS `sample`
FROM (
SELECT CAST(`zaak_id` AS STRING) AS `k`, 1 AS `n`
FROM `zaken` AS `row`
WHERE EXISTS (SELECT 1 AS `found`
FROM `verdachten` AS `other`
WHERE (`other`.`verdachte_id` = `row`.`verdachte_id`) AND ((coalesce(CAST(EXTRACT(YEAR FROM `row`.`pleegdatum`) AS INTEGER) - `other`.`geboortejaar` < 12, FALSE)) OR (coalesce(CAST(EXTRACT(YEAR FROM `row`.`pleegdatum`) AS INTEGER) - `other`.`geboortejaar` > 100, FALSE))))
) AS `failing_rows`
