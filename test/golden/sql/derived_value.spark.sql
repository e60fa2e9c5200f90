SELECT coalesce(sum(`n`), 0) AS `failing`, min_by(`k`, `k`, 5) AS `sample`
FROM (
SELECT CAST(`zaak_id` AS STRING) AS `k`, 1 AS `n`
FROM `zaken` AS `row`
JOIN (
SELECT `verdachte_id` AS `__livinglab_on`, min(`geboortejaar`) AS `__livinglab_min`, max(`geboortejaar`) AS `__livinglab_max`
FROM `verdachten`
WHERE (`verdachte_id`) IS NOT NULL
GROUP BY `verdachte_id`
) AS `bounds` ON `bounds`.`__livinglab_on` = `row`.`verdachte_id`
WHERE (coalesce(CAST(EXTRACT(YEAR FROM `row`.`pleegdatum`) AS INTEGER) - `bounds`.`__livinglab_max` < 12, FALSE)) OR (coalesce(CAST(EXTRACT(YEAR FROM `row`.`pleegdatum`) AS INTEGER) - `bounds`.`__livinglab_min` > 100, FALSE))
) AS `failing_rows`
