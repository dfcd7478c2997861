-- The strategy's measures of success as data (issue 18): each measure with its figures "as at" a date and its
-- targets, so that members can ask for them and the dashboard can chart them against their targets.

CREATE TABLE measures (
    code           TEXT PRIMARY KEY,
    name_en        TEXT NOT NULL,
    name_cy        TEXT NOT NULL,
    -- how a figure reads: 'count' (47) or 'percent' (58%)
    unit           TEXT NOT NULL CHECK (unit IN ('count', 'percent')),
    -- the plan objective the measure belongs to, when the file names one (checked at import)
    plan_code      TEXT,
    objective_code TEXT,
    note_en        TEXT NOT NULL DEFAULT '',
    note_cy        TEXT NOT NULL DEFAULT '',
    sort_order     INTEGER NOT NULL
);

-- A published figure: the measure's value as at a date (the seed gives "July 2024", kept as 2024-07-31).
CREATE TABLE measure_figures (
    measure_code TEXT NOT NULL REFERENCES measures (code) ON DELETE CASCADE,
    as_at        TEXT NOT NULL,
    figure       REAL NOT NULL,
    -- 1 when the source says "over 300": the figure is a lower bound
    at_least     INTEGER NOT NULL DEFAULT 0 CHECK (at_least IN (0, 1)),
    provisional  INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    PRIMARY KEY (measure_code, as_at)
);

-- A target to reach by a date: a figure, or a direction ('improving': the seed's "Improving trend").
CREATE TABLE measure_targets (
    measure_code TEXT NOT NULL REFERENCES measures (code) ON DELETE CASCADE,
    due_by       TEXT NOT NULL,
    figure       REAL,
    trend        TEXT CHECK (trend IN ('improving')),
    CHECK ((figure IS NULL) <> (trend IS NULL)),
    PRIMARY KEY (measure_code, due_by)
);
