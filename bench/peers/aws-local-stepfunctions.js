'use strict';
// Peer harness for aws-local-stepfunctions: one StateMachine per workload (validated once), then
// stateMachine.run(input).result per execution. See harness.js for the options and the output.
const { StateMachine } = require('aws-local-stepfunctions');
const { main, packageVersion } = require('./harness');

main({
  name: 'aws-local-stepfunctions',
  version: packageVersion('aws-local-stepfunctions'),
  async prepare(definition) {
    const machine = new StateMachine(definition);
    return (input) => machine.run(input).result;
  },
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
