-- What a plan calls its parts ("objectives" in the 2024–2026 strategy, "themes" at the 2021 Strategy Day), so that
-- "who leads theme 3?" finds the plan that has themes; and the people or bodies who lead an objective or theme as a
-- whole (one per line), which the documents name apart from the leads of its actions.
ALTER TABLE plans ADD COLUMN objectives_called TEXT NOT NULL DEFAULT 'objectives'
    CHECK (objectives_called IN ('objectives', 'themes'));
ALTER TABLE objectives ADD COLUMN leads TEXT NOT NULL DEFAULT '';
