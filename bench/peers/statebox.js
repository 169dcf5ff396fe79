'use strict';
// Peer harness for @wmfs/statebox (in-memory DAO, its default): one Statebox, the workload
// registered as a state machine, then startExecution(input, name, {sendResponse: 'COMPLETE'}) per
// execution, which resolves when the execution ends. See harness.js for the options and output.
const Statebox = require('@wmfs/statebox');
const { main, packageVersion } = require('./harness');

let statebox = null;

main({
  name: 'statebox',
  version: packageVersion('@wmfs/statebox'),
  async prepare(definition, id) {
    if (!statebox) {
      statebox = new Statebox({});
      await statebox.ready;
    }
    await statebox.createStateMachines({ [id]: definition }, {});
    return async (input) => {
      const d = await statebox.startExecution(input, id, { sendResponse: 'COMPLETE' });
      if (d.status !== 'SUCCEEDED') {
        throw new Error(`execution ${d.status}: ${d.errorCode || ''} ${d.errorMessage || ''}`.trim());
      }
      return d.ctx;
    };
  },
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
