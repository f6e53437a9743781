-- Payments of a ticket's fees: one row per try (each is an order at the
-- provider, its order id `cherga-` and the row's id). A try is 'pending'
-- until the provider's final word: 'paid' (with its receipt code), 'failed',
-- 'refunded', or 'duplicate' (paid while another try of the same recipient
-- was paid already: to be refunded). Amounts in kopiykas. A receipt paid at
-- a bank outside the system, recorded at the office, is a row of provider
-- 'bank', 'paid' at once, with the bank's code (`bank_code`) and name
-- (`provider_ref`).
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    recipient TEXT NOT NULL,
    amount BIGINT NOT NULL,
    provider TEXT NOT NULL,
    status TEXT NOT NULL,
    provider_status TEXT,
    provider_ref TEXT,
    receipt_code TEXT,
    bank_code TEXT,
    created_at BIGINT NOT NULL,
    paid_at BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX payments_ticket ON payments (ticket_id);
CREATE INDEX payments_pending ON payments (created_at) WHERE status = 'pending';
-- A receipt code names one payment; one payment per ticket and recipient is paid.
CREATE UNIQUE INDEX payments_receipt ON payments (receipt_code);
-- A bank's receipt pays for one ticket only.
CREATE UNIQUE INDEX payments_bank_code ON payments (bank_code);
CREATE UNIQUE INDEX payments_one_paid ON payments (ticket_id, recipient) WHERE status = 'paid';
