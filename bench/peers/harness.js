'use strict';
// The timing loop shared by the peer harnesses (aws-local-stepfunctions.js, statebox.js): load a
// workload of ../shared/bench (or its compat/ variant when the peer cannot run the base file), check
// one answer, warm up, time N executions one after another, check every output against
// expected/<name>.json, and print one JSON line in the shape `statecraft bench` prints.
//
//   node <peer>.js --workload NAME --bench DIR [--iterations N] [--seconds S] [--warmup S]
//
// A peer that cannot run the workload (an error, or a wrong answer) on the base file nor on any
// compat variant prints {"status":"n/a","reason":...} and is not timed. Everything else the peers
// print goes to stderr, so stdout carries that one line.
const fs = require('fs');
const path = require('path');

// States entered per execution, from ../shared/bench/workloads/README.md (compat variants count
// the same as their base workload).
const TRANSITIONS = {
  'pass-chain-10': 10,
  'choice-loop-100': 302,
  'parallel-4x5': 21,
  'map-1000': 2001,
  'catch-retry': 6,
};

const stdout = process.stdout.write.bind(process.stdout);
console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);

function parseArgs(argv) {
  const options = { iterations: 100000, seconds: 5, warmup: 2, workload: null, bench: null };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in options) || i + 1 >= argv.length) {
      throw new Error(`unknown option or missing value: ${argv[i]}`);
    }
    options[key] = ['workload', 'bench'].includes(key) ? argv[i + 1] : Number(argv[i + 1]);
  }
  if (!options.workload || !options.bench) {
    throw new Error('--workload and --bench are required');
  }
  return options;
}

// Deep equality of JSON values, key order ignored.
function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}

function abbreviate(value) {
  const s = JSON.stringify(value);
  return s === undefined ? 'undefined' : s.length > 120 ? `${s.slice(0, 120)}...` : s;
}

// The base definition first, then compat/<name>-*.json.
function candidates(bench, name) {
  const files = [path.join(bench, 'workloads', `${name}.json`)];
  const compat = path.join(bench, 'workloads', 'compat');
  if (fs.existsSync(compat)) {
    for (const f of fs.readdirSync(compat).sort()) {
      if (f.startsWith(`${name}-`) && f.endsWith('.json')) files.push(path.join(compat, f));
    }
  }
  return files;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Runs the harness for one peer. `peer` is {name, version, prepare(definition, id)}; prepare
 * resolves to an async function (input) => output that runs one execution and throws when it
 * does not succeed.
 */
async function main(peer) {
  const options = parseArgs(process.argv.slice(2));
  const name = options.workload;
  const reasons = [];
  let chosen = null;
  for (const file of candidates(options.bench, name)) {
    const fileName = path.basename(file, '.json');
    const input = readJson(path.join(options.bench, 'inputs', `${fileName}.json`));
    const expected = readJson(path.join(options.bench, 'expected', `${fileName}.json`));
    let run;
    try {
      run = await peer.prepare(readJson(file), fileName.replace(/[^A-Za-z0-9]/g, '_'));
      const output = await run(structuredClone(input));
      if (!sameJson(output, expected)) {
        reasons.push(`${fileName}: wrong answer ${abbreviate(output)}`);
        continue;
      }
    } catch (e) {
      reasons.push(`${fileName}: ${String(e && e.message ? e.message : e).split('\n')[0].slice(0, 160)}`);
      continue;
    }
    chosen = { fileName, input, expected, run };
    break;
  }
  const line = { workload: name, engine: peer.name, version: peer.version };
  if (!chosen) {
    stdout(`${JSON.stringify({ ...line, status: 'n/a', reason: reasons.join('; ') })}\n`);
    return;
  }

  const { input, expected, run } = chosen;
  // One execution at a time: every peer runs on Node's single thread. The input is copied before
  // each execution (statebox writes into it) and the output checked after it; neither is timed.
  async function loop(maxExecutions, seconds, latencies) {
    const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
    let executions = 0;
    let executing = 0n;
    while (executions < maxExecutions && process.hrtime.bigint() < end) {
      const copy = structuredClone(input);
      const t0 = process.hrtime.bigint();
      const output = await run(copy);
      const t1 = process.hrtime.bigint();
      if (!sameJson(output, expected)) {
        throw new Error(`wrong answer after ${executions} executions: ${abbreviate(output)}`);
      }
      executing += t1 - t0;
      if (latencies) latencies.push(Number(t1 - t0) / 1e6);
      executions++;
    }
    return { executions, executingSeconds: Number(executing) / 1e9 };
  }

  try {
    if (options.warmup > 0) await loop(Infinity, options.warmup, null);
    const latencies = [];
    const heapBefore = process.memoryUsage().heapUsed;
    const { executions, executingSeconds } = await loop(options.iterations, options.seconds, latencies);
    latencies.sort((a, b) => a - b);
    const rate = executions / Math.max(executingSeconds, 1e-9);
    stdout(`${JSON.stringify({
      ...line,
      status: 'ok',
      file: chosen.fileName,
      mode: 'express',
      executions,
      executions_per_s: round(rate, 1),
      transitions_per_s: Math.round(rate * TRANSITIONS[name]),
      p50_ms: round(percentile(latencies, 50), 4),
      p99_ms: round(percentile(latencies, 99), 4),
      heap_mb: round(Math.max(heapBefore, process.memoryUsage().heapUsed) / 1048576, 1),
      transitions_per_execution: TRANSITIONS[name],
    })}\n`);
  } catch (e) {
    stdout(`${JSON.stringify({ ...line, status: 'n/a', reason: String(e.message || e).slice(0, 200) })}\n`);
  }
}

function packageVersion(pkg) {
  try {
    return require(`${pkg}/package.json`).version;
  } catch (e) {
    // Packages whose exports hide package.json: find it through the resolved entry point.
    let dir = path.dirname(require.resolve(pkg));
    while (dir !== path.dirname(dir)) {
      const f = path.join(dir, 'package.json');
      if (fs.existsSync(f) && readJson(f).name === pkg) return readJson(f).version;
      dir = path.dirname(dir);
    }
    return 'unknown';
  }
}

module.exports = { main, packageVersion };
