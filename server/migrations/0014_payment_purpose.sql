-- What a payment paid for, as written when it was made (the service, the
-- lines, the ticket's number, day and office then): the receipt prints it,
-- so a ticket moved later never changes a receipt already given.
ALTER TABLE payments ADD COLUMN purpose TEXT;
