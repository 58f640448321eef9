-- The auditor's ?principal= filter and the as-of timeline's viewer lookup read the log by principal and time.
CREATE INDEX access_log_by_principal ON access_log (principal, at);
