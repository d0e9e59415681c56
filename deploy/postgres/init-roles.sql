-- One login role and one schema per service; each role owns its schema and can use nothing else.
-- Run once by the postgres image (docker-entrypoint-initdb.d) as the superuser, in the `warden` database, when
-- the data volume is empty. The passwords are development defaults matching docker-compose.yml; production
-- creates the roles with real secrets (the same statements, other passwords).
\set ON_ERROR_STOP on

-- Nobody but the owner and the roles granted below may connect or create temporary tables...
REVOKE ALL ON DATABASE warden FROM PUBLIC;
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
-- ...or create (or use) anything in the public schema.
REVOKE ALL ON SCHEMA public FROM PUBLIC;

CREATE ROLE identity    LOGIN PASSWORD 'identity-dev-password';
CREATE ROLE permissions LOGIN PASSWORD 'permissions-dev-password';
CREATE ROLE directory   LOGIN PASSWORD 'directory-dev-password';
CREATE ROLE workflow    LOGIN PASSWORD 'workflow-dev-password';
CREATE ROLE inquiries   LOGIN PASSWORD 'inquiries-dev-password';
CREATE ROLE integrations LOGIN PASSWORD 'integrations-dev-password';

GRANT CONNECT ON DATABASE warden TO identity, permissions, directory, workflow, inquiries, integrations;

-- The schema name equals the service name; its owner may create and drop anything in it, nobody else can even
-- look inside (no USAGE for other roles).
CREATE SCHEMA identity    AUTHORIZATION identity;
CREATE SCHEMA permissions AUTHORIZATION permissions;
CREATE SCHEMA directory   AUTHORIZATION directory;
CREATE SCHEMA workflow    AUTHORIZATION workflow;
CREATE SCHEMA inquiries   AUTHORIZATION inquiries;
CREATE SCHEMA integrations AUTHORIZATION integrations;

-- Unqualified names resolve to the service's own schema.
ALTER ROLE identity    IN DATABASE warden SET search_path = identity;
ALTER ROLE permissions IN DATABASE warden SET search_path = permissions;
ALTER ROLE directory   IN DATABASE warden SET search_path = directory;
ALTER ROLE workflow    IN DATABASE warden SET search_path = workflow;
ALTER ROLE inquiries   IN DATABASE warden SET search_path = inquiries;
ALTER ROLE integrations IN DATABASE warden SET search_path = integrations;
