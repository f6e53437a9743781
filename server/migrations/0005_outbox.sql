-- Messages to applicants (confirmations, reminders, sign-in codes): written
-- in the same transaction as the change they tell of and sent after, so a
-- message that cannot be sent never loses the booking. A ticket's message
-- holds no personal data: its text and address are read from the ticket when
-- it is sent. `id` says what the message is about (`booked:TICKET:email`,
-- `reminder:TICKET:DAY:sms`…): a second node queueing the same message finds
-- it there. A sender claims a row (`claimed_until`) before it sends.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    ticket_id TEXT,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    -- Only for a message that is not about one ticket (a sign-in code).
    recipient TEXT,
    secret TEXT,
    lang TEXT,
    created_at BIGINT NOT NULL,
    due_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    -- queued, sent, dropped (no longer true when its turn came), failed (given up)
    state TEXT NOT NULL DEFAULT 'queued',
    sent_at BIGINT,
    -- The class of the last failure (never the server's text, which may
    -- quote the address).
    last_error TEXT
);
-- What the senders look for; a row leaves the index once sent. (A ticket's
-- rows are found by their ids' prefix: no index of their own.)
CREATE INDEX outbox_due ON outbox (due_at) WHERE state = 'queued';
