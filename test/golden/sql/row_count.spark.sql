SELECT count(*) AS `n`, count(*) AS `v0`
FROM (
SELECT *, CAST(`zaak_id` AS STRING) AS `__livinglab_key`
FROM `zaken`
) AS `scan`
