'use strict';
// Reads the JSON lines bench/compare collected and prints the markdown table: per workload the
// median transitions/s of each engine over its rounds (p50 latency beside it), and the ratio
// Statecraft / best peer. An engine that failed or answered wrongly in any round shows
// "n/a (reason)": a wrong answer is not timed.
//
//   node table.js RESULTS.jsonl [CONCURRENCY]
const fs = require('fs');
const os = require('os');
const { execSync } = require('child_process');

const [file, concurrency = '1'] = process.argv.slice(2);
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const ENGINES = ['statecraft', 'aws-local-stepfunctions', 'statebox'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const ms = (x) => (x >= 1 ? x.toFixed(1) : x >= 0.01 ? x.toFixed(3) : x.toFixed(4));

const workloads = [...new Set(lines.map((l) => l.workload))];
const versions = {};
const notes = new Set();
const rows = [];
for (const w of workloads) {
  const cells = {};
  for (const e of ENGINES) {
    const runs = lines.filter((l) => l.workload === w && l.engine === e);
    if (runs.length === 0) {
      cells[e] = { text: 'not run' };
      continue;
    }
    const failed = runs.find((r) => r.status !== 'ok');
    if (failed) {
      cells[e] = { text: `n/a (${String(failed.reason).replace(/\|/g, '/').slice(0, 140)})` };
      continue;
    }
    if (runs[0].version) versions[e] = runs[0].version;
    const tps = median(runs.map((r) => r.transitions_per_s));
    const p50 = median(runs.map((r) => r.p50_ms));
    let text = `${fmt(tps)} (p50 ${ms(p50)} ms)`;
    if (runs[0].file && runs[0].file !== w) {
      text += ` [${runs[0].file}]`;
      notes.add(`[${runs[0].file}]: ${e} ran the compat/ variant (same states entered, same output).`);
    }
    cells[e] = { tps, text, rounds: runs.length };
  }
  const peerRates = ENGINES.slice(1).map((e) => cells[e].tps).filter((x) => x !== undefined);
  const best = peerRates.length ? Math.max(...peerRates) : undefined;
  const ours = cells.statecraft.tps;
  const ratio = ours !== undefined && best ? `${(ours / best).toFixed(1)}×` : 'n/a';
  rows.push(`| ${w} | ${ENGINES.map((e) => cells[e].text).join(' | ')} | ${ratio} |`);
}

let java = 'java ?';
try {
  java = execSync('java -version 2>&1', { encoding: 'utf8' }).split('\n')[0].replace(/"/g, '');
} catch (e) { /* keep the placeholder */ }
const rounds = Math.max(...lines.map((l) => lines.filter((m) => m.workload === l.workload && m.engine === l.engine).length));
console.log(`Transitions/s (states entered per second), median of ${rounds} interleaved rounds;`
  + ` Statecraft on ${concurrency} thread(s), each peer on Node's one thread.`);
console.log(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores`
  + ` (${os.cpus()[0].model.trim()}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')};`
  + ` ${java}; node ${process.version}; aws-local-stepfunctions ${versions['aws-local-stepfunctions'] || '?'},`
  + ` @wmfs/statebox ${versions.statebox || '?'}.`);
console.log('');
console.log(`| workload | Statecraft | aws-local-stepfunctions | statebox | ratio Statecraft/best peer |`);
console.log('|---|---:|---:|---:|---:|');
rows.forEach((r) => console.log(r));
if (notes.size) {
  console.log('');
  [...notes].forEach((n) => console.log(`${n}`));
}
