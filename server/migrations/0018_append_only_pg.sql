-- PostgreSQL: the audit trail refuses updates and deletes (0017).
CREATE FUNCTION cherga_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION cherga_append_only();
CREATE TRIGGER staff_events_append_only BEFORE UPDATE OR DELETE ON staff_events
    FOR EACH ROW EXECUTE FUNCTION cherga_append_only();
