-- The service's help pages (the guide and the FAQ), per language, in
-- Markdown: filled from `data/help/*.md` at the first start, then edited by
-- the system administrator (each change in `staff_events`).
CREATE TABLE help_pages (
    id TEXT NOT NULL,
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (id, lang)
);
