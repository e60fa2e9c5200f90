SELECT count(*) AS `n`, count_if(`__livinglab_s0`) AS `s0`, count_if(`__livinglab_f0`) AS `f0`, min_by(CASE WHEN `__livinglab_f0` THEN `__livinglab_key` END, CASE WHEN `__livinglab_f0` THEN `__livinglab_key` END, 5) AS `k0`
FROM (
SELECT *, CAST(`zaak_id` AS STRING) AS `__livinglab_key`, coalesce(`status` <> 'afgedaan', FALSE) AS `__livinglab_s0`, (coalesce(`status` <> 'afgedaan', FALSE)) AND (coalesce(`laatst_gewijzigd` < DATE '2024-06-30', FALSE)) AS `__livinglab_f0`
FROM `zaken`
) AS `scan`
