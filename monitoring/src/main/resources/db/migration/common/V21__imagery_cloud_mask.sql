-- An epoch's separate cloud mask (a single-band raster on the image's grid, non-zero is cloud), located like its
-- file: relative to the data directory or an absolute URI. Null when the epoch has none.
ALTER TABLE imagery_epoch ADD COLUMN mask_location VARCHAR(1000);
