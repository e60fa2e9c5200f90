SELECT count(*) AS `n`, count_if(`__livinglab_f0`) AS `f0`, min_by(CASE WHEN `__livinglab_f0` THEN `__livinglab_key` END, CASE WHEN `__livinglab_f0` THEN `__livinglab_key` END, 5) AS `k0`
FROM (
SELECT *, CAST(`zaak_id` AS STRING) AS `__livinglab_key`, ((`parketnummer`) IS NULL) OR (trim(CAST(`parketnummer` AS STRING)) = '') AS `__livinglab_f0`
FROM `zaken`
) AS `scan`
