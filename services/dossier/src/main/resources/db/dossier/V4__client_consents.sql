-- Consents given and not revoked, part of the client's situation: they lift a view to full (privacy.md).
ALTER TABLE client_summary ADD COLUMN consents JSONB NOT NULL DEFAULT '[]';
