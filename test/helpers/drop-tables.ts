/** Drop-like tables the runbook's sql checks read (not a test file itself). */
export const DROP_TABLES = `
CREATE TABLE users (id bigserial PRIMARY KEY, kyc_status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE aml_alerts (id bigserial PRIMARY KEY, user_id bigint REFERENCES users(id), status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE str_reports (id bigserial PRIMARY KEY, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO users (kyc_status, created_at) VALUES ('approved', now() - interval '3 days'), ('pending', now() - interval '2 days'), ('pending', now() - interval '1 hour');
INSERT INTO aml_alerts (user_id, status) VALUES (1, 'closed'), (2, 'open'), (1, 'open');
INSERT INTO str_reports (status) VALUES ('filed');
`;
