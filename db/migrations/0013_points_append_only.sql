-- Hand-written (drizzle cannot express triggers): the points ledger is append-only (docs/decisions/031).
-- Any UPDATE or DELETE of points_entries is refused by the database itself, whatever the caller;
-- a correction is a new entry of kind 'reversal'. TRUNCATE is refused too.
CREATE FUNCTION points_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points_entries is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER points_entries_append_only BEFORE UPDATE OR DELETE ON points_entries
  FOR EACH ROW EXECUTE FUNCTION points_entries_refuse_change();
--> statement-breakpoint
CREATE TRIGGER points_entries_no_truncate BEFORE TRUNCATE ON points_entries
  FOR EACH STATEMENT EXECUTE FUNCTION points_entries_refuse_change();
