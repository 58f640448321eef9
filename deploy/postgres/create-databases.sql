-- One database and one role per service: each service owns its data. Run as a superuser.
-- Passwords are set out of band (\password intake, \password dossier).
CREATE ROLE intake LOGIN;
CREATE ROLE dossier LOGIN;
CREATE DATABASE intake OWNER intake;
CREATE DATABASE dossier OWNER dossier;
REVOKE ALL ON DATABASE intake FROM PUBLIC;
REVOKE ALL ON DATABASE dossier FROM PUBLIC;

-- The signals service works in the dossier's database: it reads the event store and appends its own streams
-- (decision 0004), and owns its tables there. Run after the dossier's first start has migrated the event store.
CREATE ROLE signals LOGIN;
GRANT CONNECT, CREATE ON DATABASE dossier TO signals;
\connect dossier
GRANT USAGE, CREATE ON SCHEMA public TO signals;
GRANT SELECT, INSERT ON domainevententry TO signals;
GRANT USAGE ON SEQUENCE domainevententry_globalindex_seq TO signals;
GRANT SELECT, INSERT, UPDATE, DELETE ON tokenentry TO signals;
-- a subject's data key (its signals are encrypted with it); DELETE for erasing a household's signals
GRANT SELECT, INSERT, DELETE ON data_key TO signals;
-- the access log is written by every service that reads client data
GRANT INSERT ON access_log TO signals;
GRANT USAGE ON SEQUENCE access_log_id_seq TO signals;
