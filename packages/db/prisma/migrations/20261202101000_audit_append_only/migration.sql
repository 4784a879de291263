-- The audit log is append-only (issue 17). UPDATE, DELETE and TRUNCATE of "AuditEvent"
-- are refused by a trigger, whoever runs them; the only way to delete is the retention
-- purge, purge_audit_events(older_than), a SECURITY DEFINER function that deletes events
-- older than its argument (at least one year old) and nothing else.
--
-- How the purge gets past the trigger: the function sets the transaction-local setting
-- brokerage.audit_purge_before, and the trigger lets a DELETE through only when
--   1. that setting is set and the row is older than it, and
--   2. the statement runs as the owner of purge_audit_events (current_user inside a
--      SECURITY DEFINER function is its owner).
-- So a role that is not the owner (the application's role in production; see the README,
-- "Compliance") cannot purge by setting the variable itself, and calling the function
-- deletes only what is past the retention the caller names, never a recent event.
-- The owner of the table can always drop the trigger: run the application as another role.

CREATE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  purge_before text := current_setting('brokerage.audit_purge_before', true);
  purger name;
BEGIN
  IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND purge_before <> '' THEN
    SELECT pg_get_userbyid(p.proowner) INTO purger
      FROM pg_proc p WHERE p.oid = 'purge_audit_events(timestamptz)'::regprocedure;
    IF current_user = purger AND OLD."createdAt" < purge_before::timestamptz THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION purge_audit_events(older_than timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  deleted bigint;
BEGIN
  IF older_than IS NULL OR older_than > now() - interval '1 year' THEN
    RAISE EXCEPTION 'audit events are kept for at least one year (asked: older than %)', older_than
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('brokerage.audit_purge_before', older_than::text, true);
  DELETE FROM "AuditEvent" WHERE "createdAt" < older_than;
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('brokerage.audit_purge_before', '', true);
  RETURN deleted;
END
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Only the owner decides who may purge (production grants EXECUTE to the operator's role).
REVOKE ALL ON FUNCTION purge_audit_events(timestamptz) FROM PUBLIC;
