-- Standard executions started with a state machine ARN ending in #TestCase answer their tasks from
-- that mock test case until they end; the binding is kept here so it survives a restart.
CREATE TABLE test_case_binding (
  execution_arn VARCHAR(1024) PRIMARY KEY,
  state_machine_name VARCHAR(80) NOT NULL,
  test_case VARCHAR(1024) NOT NULL
);
