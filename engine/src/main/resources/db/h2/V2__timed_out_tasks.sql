-- Tokens of tasks that timed out, so a late callback is told TaskTimedOut rather than
-- TaskDoesNotExist (the task row itself is gone once the timeout step commits).
CREATE TABLE timed_out_task (
  token VARCHAR(256) PRIMARY KEY,
  execution_arn VARCHAR(1024) NOT NULL,
  timed_out_millis BIGINT NOT NULL
);
CREATE INDEX timed_out_task_by_execution ON timed_out_task (execution_arn);
