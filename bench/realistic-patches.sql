-- Change patches shaped like a city's (issue 17), reproducibly (setseed, no parallel scans): irregular star-shaped
-- polygons of 5 to 60 vertices and 300 m² to 5 ha (log-uniform, each scaled to its area on the ellipsoid), 88 % in 60
-- seeded clusters around towns, villages and mining areas (Gaussian, spread 0.4 to 3.6 km, the first clusters the
-- densest: a 0.025° tile there holds thousands, overlapping), 12 % scattered evenly over Yangquan. Categories follow
-- the cluster's kind (towns: construction land, villages: farmland, mines: non-coal mines; the scattered ones any).
-- psql -v patches=200000 -f bench/realistic-patches.sql (database with TerraWatch's schema)
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.20261206);
CREATE TEMP TABLE centre AS
  SELECT c, 113.1 + random() * 0.9 AS lon, 37.7 + random() * 0.75 AS lat, 0.004 + random() * 0.032 AS spread
  FROM generate_series(0, 59) c ORDER BY c;
CREATE TEMP TABLE seed AS
  SELECT n, random() AS pick, random() AS u1, random() AS u2, random() AS scattered, random() AS a,
         5 + floor(random() * 56)::int AS nv, random() AS rot, random() AS cat
  FROM generate_series(0, :patches - 1) n ORDER BY n;
CREATE TEMP TABLE placed AS
  SELECT s.n, s.nv, s.rot, s.cat, s.scattered < 0.12 AS scattered, c.c % 3 AS kind,
         CASE WHEN s.scattered < 0.12 THEN 113.1 + s.u1 * 0.9
              ELSE c.lon + c.spread * sqrt(-2 * ln(greatest(s.u1, 1e-12))) * cos(2 * pi() * s.u2) / cos(radians(c.lat)) END AS lon,
         CASE WHEN s.scattered < 0.12 THEN 37.7 + s.u2 * 0.75
              ELSE c.lat + c.spread * sqrt(-2 * ln(greatest(s.u1, 1e-12))) * sin(2 * pi() * s.u2) END AS lat,
         exp(ln(300) + s.a * (ln(50000) - ln(300))) AS area
  FROM seed s JOIN centre c ON c.c = floor(s.pick * s.pick * 60)::int ORDER BY s.n;
CREATE TEMP TABLE shaped AS
  SELECT p.*, ST_Multi(ST_MakePolygon(ST_AddPoint(shape.line, ST_StartPoint(shape.line)))) AS geom
  FROM placed p, LATERAL (
    SELECT ST_MakeLine(ST_SetSRID(ST_MakePoint(p.lon + v.r * cos(v.t) / (111320 * cos(radians(p.lat))), p.lat + v.r * sin(v.t) / 110574), 4490)
                       ORDER BY v.k) AS line
    FROM (SELECT k, 2 * pi() * (p.rot + (k + 0.8 * random()) / p.nv) AS t, sqrt(p.area / pi()) * (0.6 + 0.4 * random()) AS r
          FROM generate_series(0, p.nv - 1) k) v) shape
  ORDER BY p.n;
-- each polygon scaled about its centre to the area it was drawn for
UPDATE shaped SET geom = ST_Translate(ST_Scale(ST_Translate(geom, -lon, -lat), f, f), lon, lat)
FROM (SELECT n AS m, sqrt(area / ST_Area(geom::geography)) AS f FROM shaped) scale WHERE scale.m = shaped.n;
INSERT INTO change_patch(code, code_period, code_sequence, after_date, category, change_type, geom, area_m2, area_mu, area_ha,
    centroid, county_code, county_name, status, precheck_note, created_at, updated_at)
SELECT '140321202610' || n, 202610, n, DATE '2026-10-15', category, change_type, geom, area_m2, area_m2 / 666.6667, area_m2 / 10000,
       ST_PointOnSurface(geom), '140321', '平定县', 'NEW', '内业初核：疑似未批先建', now(), now()
FROM (SELECT n, geom, ST_Area(geom::geography) AS area_m2,
             (ARRAY['CONSTRUCTION_LAND','FARMLAND_CONVERSION','NON_COAL_MINE','ECOLOGICAL_RESTORATION','FIRE_WARNING'])[
                 CASE WHEN scattered THEN 1 + floor(cat * 5)::int ELSE kind + 1 END] AS category,
             (ARRAY['NEW_BUILDING','POND_DIGGING','OPEN_PIT_EXCAVATION','REVEGETATION','BURNED_AREA'])[
                 CASE WHEN scattered THEN 1 + floor(cat * 5)::int ELSE kind + 1 END] AS change_type
      FROM shaped) p
ORDER BY n;
ANALYZE change_patch;
