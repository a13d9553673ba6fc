-- The last sequence number handed out per county and numbering period. A patch takes its number from here in a
-- short transaction of its own, so a long edit (a 2,000-feature WFS transaction) never holds other writers of its
-- county back; a number taken by a transaction that then rolls back stays unused (codes may have gaps).
CREATE TABLE patch_code_counter (
    county_code     VARCHAR(12) NOT NULL,
    code_period     INTEGER     NOT NULL,   -- yyyymm of the numbering
    last_sequence   INTEGER     NOT NULL,
    PRIMARY KEY (county_code, code_period)
);

INSERT INTO patch_code_counter(county_code, code_period, last_sequence)
SELECT county_code, code_period, MAX(code_sequence) FROM change_patch GROUP BY county_code, code_period;
