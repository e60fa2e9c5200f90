-- The floor of bench/checks.ts: the metrics of the default OM suite, written by hand for DuckDB,
-- one statement per table plus the joins and groupings. Views verdachten, zaken and feiten exist.
-- Each statement returns one row of counts; the runner reads nothing else.

SELECT count(*) AS n,
  count_if(verdachte_id IS NULL OR trim(verdachte_id) = '') AS verdachte_id_leeg,
  count_if(geboortejaar IS NULL) AS geboortejaar_leeg,
  count_if(geslacht IS NULL OR trim(geslacht) = '') AS geslacht_leeg,
  count_if(woongemeente IS NULL OR trim(woongemeente) = '') AS woongemeente_leeg,
  count_if(geslacht NOT IN ('M', 'V', 'X', 'O')) AS geslacht_ongeldig,
  count_if(woongemeente NOT IN ('GM0014', 'GM0080', 'GM0106', 'GM0114', 'GM0141', 'GM0150', 'GM0153', 'GM0193', 'GM0200', 'GM0202', 'GM0228', 'GM0268', 'GM0307', 'GM0344', 'GM0361', 'GM0362', 'GM0363', 'GM0384', 'GM0392', 'GM0400', 'GM0402', 'GM0437', 'GM0479', 'GM0503', 'GM0505', 'GM0518', 'GM0546', 'GM0599', 'GM0606', 'GM0613', 'GM0687', 'GM0748', 'GM0758', 'GM0772', 'GM0794', 'GM0796', 'GM0828', 'GM0855', 'GM0917', 'GM0935', 'GM0957', 'GM0983', 'GM0995', 'GM1916')) AS woongemeente_ongeldig
FROM verdachten;

SELECT count(*) AS n,
  count_if(zaak_id IS NULL OR trim(zaak_id) = '') AS zaak_id_leeg,
  count_if(parketnummer IS NULL OR trim(parketnummer) = '') AS parketnummer_leeg,
  count_if(arrondissement IS NULL OR trim(arrondissement) = '') AS arrondissement_leeg,
  count_if(parketcode IS NULL OR trim(parketcode) = '') AS parketcode_leeg,
  count_if(verdachte_id IS NULL OR trim(verdachte_id) = '') AS verdachte_id_leeg,
  count_if(instroomdatum IS NULL) AS instroomdatum_leeg,
  count_if(zaaktype IS NULL OR trim(zaaktype) = '') AS zaaktype_leeg,
  count_if(status IS NULL OR trim(status) = '') AS status_leeg,
  count_if(bron IS NULL OR trim(bron) = '') AS bron_leeg,
  count_if(laatst_gewijzigd IS NULL) AS laatst_gewijzigd_leeg,
  count_if(NOT regexp_full_match(parketnummer, '[0-9]{2}/[0-9]{6}-[0-9]{2}')) AS parketnummer_vorm,
  count_if(arrondissement NOT IN ('Amsterdam', 'Den Haag', 'Gelderland', 'Limburg', 'Midden-Nederland', 'Noord-Holland', 'Noord-Nederland', 'Oost-Brabant', 'Overijssel', 'Rotterdam', 'Zeeland-West-Brabant')) AS arrondissement_ongeldig,
  count_if(zaaktype NOT IN ('misdrijf', 'overtreding')) AS zaaktype_ongeldig,
  count_if(status NOT IN ('ingeschreven', 'in_behandeling', 'afgedaan')) AS status_ongeldig,
  count_if(afdoening NOT IN ('dagvaarding', 'OM-strafbeschikking', 'transactie', 'voorwaardelijk_sepot', 'beleidssepot', 'technisch_sepot', 'voeging_ad_informandum')) AS afdoening_ongeldig,
  count_if(bron NOT IN ('politie', 'bijzondere_opsporingsdienst')) AS bron_ongeldig,
  count_if(afdoeningsdatum < instroomdatum) AS afdoening_voor_instroom,
  count_if(status = 'afgedaan' AND (afdoening IS NULL OR afdoeningsdatum IS NULL)) AS afgedaan_zonder_afdoening,
  count_if(regexp_full_match(parketnummer, '[0-9]{2}/[0-9]{6}-[0-9]{2}') AND NOT starts_with(parketnummer, parketcode)) AS parket_mismatch,
  count_if(pleegdatum >= DATE '2026-07-01') AS pleegdatum_toekomst,
  count_if(instroomdatum >= DATE '2026-07-01') AS instroomdatum_toekomst,
  count_if(afdoeningsdatum >= DATE '2026-07-01') AS afdoeningsdatum_toekomst,
  count_if(laatst_gewijzigd >= DATE '2026-07-01') AS laatst_gewijzigd_toekomst,
  count_if(status <> 'afgedaan') AS open_zaken,
  count_if(status <> 'afgedaan' AND laatst_gewijzigd < DATE '2025-06-30') AS open_zaak_stil,
  count_if(opmerking IS NOT NULL AND (
    CASE WHEN bsn IS NOT NULL AND bsn <> '000000000' THEN
      (9 * bsn[1]::INT + 8 * bsn[2]::INT + 7 * bsn[3]::INT + 6 * bsn[4]::INT + 5 * bsn[5]::INT
        + 4 * bsn[6]::INT + 3 * bsn[7]::INT + 2 * bsn[8]::INT - bsn[9]::INT) % 11 = 0
    ELSE false END
    OR regexp_matches(opmerking, '(^|[^0-9])(\+31[ -]?|0031[ -]?|0)6[ -]?[0-9]{4}[ -]?[0-9]{4}([^0-9]|$)')
    OR regexp_matches(opmerking, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}')
    OR CASE WHEN iban IS NOT NULL THEN
      CAST(concat(ascii(iban[5]) - 55, ascii(iban[6]) - 55, ascii(iban[7]) - 55, ascii(iban[8]) - 55,
        iban[9:18], '2321', iban[3:4]) AS HUGEINT) % 97 = 1
    ELSE false END
  )) AS opmerking_persoonsgegevens
FROM (
  SELECT *,
    nullif(regexp_extract(opmerking, '(?:^|[^0-9])([0-9]{9})(?:[^0-9]|$)', 1), '') AS bsn,
    nullif(regexp_extract(upper(replace(opmerking, ' ', '')), '(NL[0-9]{2}[A-Z]{4}[0-9]{10})', 1), '') AS iban
  FROM zaken
);

SELECT count(*) AS n,
  count_if(feit_id IS NULL OR trim(feit_id) = '') AS feit_id_leeg,
  count_if(zaak_id IS NULL OR trim(zaak_id) = '') AS zaak_id_leeg,
  count_if(feitcode IS NULL OR trim(feitcode) = '') AS feitcode_leeg,
  count_if(wetsartikel IS NULL OR trim(wetsartikel) = '') AS wetsartikel_leeg,
  count_if(categorie IS NULL OR trim(categorie) = '') AS categorie_leeg,
  count_if(pleegdatum IS NULL) AS pleegdatum_leeg,
  count_if(feitcode NOT IN ('SR310', 'SR311', 'SR326', 'SR416', 'SR300', 'SR302', 'SR285', 'SR350', 'SR141', 'WVW008', 'WVW009', 'WVW007', 'OPW002', 'OPW003', 'WWM026', 'WVW005', 'SR453', 'SR461', 'SR447E')) AS feitcode_ongeldig,
  count_if(categorie NOT IN ('vermogensmisdrijven', 'geweldsmisdrijven', 'vernielingen en openbare orde', 'verkeersmisdrijven', 'drugsmisdrijven', 'wapenmisdrijven', 'overtredingen')) AS categorie_ongeldig,
  count_if(pleegdatum >= DATE '2026-07-01') AS pleegdatum_toekomst
FROM feiten;

SELECT coalesce(sum(c), 0) AS dubbel FROM (SELECT count(*) AS c FROM verdachten WHERE verdachte_id IS NOT NULL GROUP BY verdachte_id HAVING count(*) > 1);
SELECT coalesce(sum(c), 0) AS dubbel FROM (SELECT count(*) AS c FROM zaken WHERE zaak_id IS NOT NULL GROUP BY zaak_id HAVING count(*) > 1);
SELECT coalesce(sum(c), 0) AS dubbel FROM (SELECT count(*) AS c FROM feiten WHERE feit_id IS NOT NULL GROUP BY feit_id HAVING count(*) > 1);
SELECT count(*) AS wees FROM zaken z ANTI JOIN verdachten v ON v.verdachte_id = z.verdachte_id WHERE z.verdachte_id IS NOT NULL;
SELECT count(*) AS wees FROM feiten f ANTI JOIN zaken z ON z.zaak_id = f.zaak_id WHERE f.zaak_id IS NOT NULL;
SELECT count(*) AS onwaarschijnlijke_leeftijd FROM zaken z WHERE EXISTS (
  SELECT 1 FROM verdachten v WHERE v.verdachte_id = z.verdachte_id
    AND (year(z.pleegdatum) - v.geboortejaar < 12 OR year(z.pleegdatum) - v.geboortejaar > 100));
SELECT arrondissement, count(*) AS n, count_if(pleegdatum IS NULL) AS zonder_pleegdatum FROM zaken WHERE arrondissement IS NOT NULL GROUP BY arrondissement;
