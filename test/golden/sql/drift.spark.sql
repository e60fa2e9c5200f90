SELECT count(*) AS `n`
FROM (
SELECT *, CAST(`zaak_id` AS STRING) AS `__livinglab_key`
FROM `zaken`
) AS `scan`
