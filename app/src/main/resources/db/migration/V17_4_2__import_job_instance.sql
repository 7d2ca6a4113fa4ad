-- The instance that queued an import (database.InstanceLease: a key it holds as an advisory lock while it lives), so
-- that an instance starting on a shared database marks failed only the imports of instances that died, never those
-- another live instance is running (README "Configuration", running several instances). Null for earlier jobs.
alter table import_job add column instance_key integer;
