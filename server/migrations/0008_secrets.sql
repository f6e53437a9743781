-- Secrets every node must share, made once by the first node that needs
-- them (from the OS CSPRNG) and read by the others: the key that signs
-- the proof-of-work challenges, so that a challenge one node gave is
-- checked by whichever node the proof reaches.
CREATE TABLE shared_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
