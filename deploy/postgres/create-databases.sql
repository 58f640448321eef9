-- One database and one role per service: each service owns its data. Run as a superuser.
-- Passwords are set out of band (\password intake, \password dossier).
CREATE ROLE intake LOGIN;
CREATE ROLE dossier LOGIN;
CREATE DATABASE intake OWNER intake;
CREATE DATABASE dossier OWNER dossier;
REVOKE ALL ON DATABASE intake FROM PUBLIC;
REVOKE ALL ON DATABASE dossier FROM PUBLIC;
