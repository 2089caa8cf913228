// The solver benchmark in WebAssembly (`make bench-wasm`): solves the seeded scenarios of
// `make bench` with the wasm build of microlp in node and prints the same columns, so the
// two tables can be compared line by line. The wasm is single-threaded (one worker, as in
// the browser); build_ms and solve_ms are timed inside the wasm around `Model::build` and
// `Model::solve` with `performance.now()`, as the native bench times them.
//
// Options: --scale region|large|global and --variant pure|budget|minviable (each repeatable;
// default all), --seed N (default 2027), --time-limit SECONDS (default 10; 0 for none),
// --gap FRACTION (default 0: only a proven optimum stops a solve early), --repeat N (each
// case N times in a row: the first call also pays for compiling the wasm), --profile (after
// each row, where its call's time went by phase, from V8's sampling profiler: see
// `phases.mjs`; the profiler slows the call, so its total is above call_ms without it).
//
// --recommend K: times `recommend` with K sessions instead (as `bench --recommend K`), on
// data/demo-2027.json and the chosen scales and variants (default: the region scale, all
// variants), with the browser worker's time limit of 60 s unless --time-limit says
// otherwise; prints each phase's milliseconds (base, choosing, ordering, the proposals'
// prefix solves) and the region solves choosing made.
//
// --fixes: times `fixes` (what would fix each unmet need) instead (as `bench --fixes`), on the
// same scenarios with the same time limit, each first solving every block of every change
// again and then taking again the blocks a change leaves; prints the blocks solved and taken
// again and whether both runs found the same fixes.
//
// Needs the bindings of `wasm-bindgen --target nodejs --out-dir bench/wasm/pkg`.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";

import { phases } from "./phases.mjs";

const SCALES = ["region", "large", "global"];
const VARIANTS = ["pure", "budget", "minviable"];
const USAGE =
  "usage: node bench/wasm/run.mjs [--scale region|large|global]... [--variant pure|budget|minviable]... " +
  "[--seed N] [--time-limit SECONDS] [--gap FRACTION] [--repeat N] [--profile] [--recommend K] [--fixes]";

function usage(message) {
  console.error(`bench-wasm: ${message}\n${USAGE}`);
  process.exit(2);
}

const scales = [];
const variants = [];
let seed = 2027n;
let timeLimit = null;
let gap = 0;
let recommendK = null;
let fixes = false;
let repeat = 1;
let profile = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const [flag, value = ""] = [args[i], args[i + 1]];
  switch (flag) {
    case "--fixes":
      fixes = true;
      i -= 1; // a flag without a value
      break;
    case "--profile":
      profile = true;
      i -= 1; // a flag without a value
      break;
    case "--repeat":
      if (!/^[1-9]\d*$/.test(value)) usage("--repeat needs a whole number of at least 1");
      repeat = Number(value);
      break;
    case "--scale":
      if (!SCALES.includes(value)) usage(`unknown scale "${value}"`);
      scales.push(value);
      break;
    case "--variant":
      if (!VARIANTS.includes(value)) usage(`unknown variant "${value}"`);
      variants.push(value);
      break;
    case "--seed":
      if (!/^\d+$/.test(value)) usage("--seed needs a whole number");
      seed = BigInt(value);
      break;
    case "--time-limit":
      if (!(Number(value) >= 0) || value === "") usage("--time-limit needs a number of seconds");
      timeLimit = Number(value);
      break;
    case "--gap":
      if (!(Number(value) >= 0 && Number(value) < 1) || value === "") usage("--gap needs a fraction (0.001 is 0.1 %)");
      gap = Number(value);
      break;
    case "--recommend":
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 50) usage("--recommend needs a whole number from 1 to 50");
      recommendK = Number(value);
      break;
    default:
      usage(`unknown option "${flag}"`);
  }
}

// Default: every scale and variant, as `make bench` (all nine take about 35 s in node); for
// --recommend, the region scale.
const defaultScales = recommendK === null && !fixes ? SCALES : ["region"];
if (timeLimit === null) timeLimit = recommendK === null && !fixes ? 10 : 60;
const cases = (scales.length ? scales : defaultScales).flatMap((scale) =>
  (variants.length ? variants : VARIANTS).flatMap((variant) => Array(repeat).fill([scale, variant])),
);

let loaded = performance.now();
let wasm;
try {
  wasm = createRequire(import.meta.url)("./pkg/qudra_bench_wasm.js");
} catch (err) {
  console.error(`bench-wasm: cannot load bench/wasm/pkg (run \`make bench-wasm\`): ${err.message}`);
  process.exit(1);
}
loaded = performance.now() - loaded;

if (recommendK !== null) process.exit(runRecommend(recommendK) ? 1 : 0);
if (fixes) process.exit(runFixes() ? 1 : 0);

// The row a wasm call returns as JSON, or null once its error (or trap) is said.
function called(run) {
  let row;
  try {
    row = JSON.parse(run());
  } catch (err) {
    row = { error: `wasm trapped: ${err.message}` };
  }
  if (row.error) {
    console.error(row.error);
    return null;
  }
  return row;
}

// `fixes` on the demo and each case, without and with the blocks' reuse; true when one
// failed or the two differ.
function runFixes() {
  const columns = [
    ["scenario", -18], ["reuse", -6], ["unmet", 6], ["with_fix", 8], ["changes", 8], ["ms", 10],
    ["blocks_solved", 13], ["blocks_reused", 13], ["same", 5],
  ];
  const cell = (text, width) => (width < 0 ? String(text).padEnd(-width) : String(text).padStart(width));
  const line = (values) => columns.map(([, width], i) => cell(values[i], width)).join(" ");
  console.log(
    `fixes, seed ${seed}, time limit ${timeLimit} s, 1 worker (wasm32, node ${process.version}), ` +
      `module loaded in ${loaded.toFixed(1)} ms`,
  );
  console.log(line(columns.map(([name]) => name)));
  const demoPath = new URL("../../data/demo-2027.json", import.meta.url);
  const runs = [(reuse) => wasm.fixes_text("demo", readFileSync(demoPath, "utf8"), reuse, timeLimit)].concat(
    cases.map(([scale, variant]) => (reuse) => wasm.fixes_synthetic(scale, variant, seed, reuse, timeLimit)),
  );
  let failed = false;
  for (const run of runs) {
    let first = null;
    for (const reuse of [false, true]) {
      const row = called(() => run(reuse));
      if (!row) {
        failed = true;
        continue;
      }
      const same = first === null || JSON.stringify(first) === JSON.stringify(row.fixes);
      failed ||= !same;
      first ??= row.fixes;
      console.log(
        line([
          row.name, reuse ? "yes" : "no", row.unmet, row.with_fix, row.changes, row.ms.toFixed(0),
          reuse ? row.blocks_solved : "-", reuse ? row.blocks_reused : "-", same ? "yes" : "NO",
        ]),
      );
    }
  }
  return failed;
}

// `recommend` on the demo and each case, one row each; true when one failed.
function runRecommend(k) {
  const columns = [
    ["scenario", -18], ["candidates", 10], ["ms", 10], ["status", -10], ["base", 12], ["objective", 12],
    ["bound", 12], ["base_ms", 8], ["choose_ms", 9], ["order_ms", 8], ["prefix_ms", 9], ["solves", 6],
  ];
  const cell = (text, width) => (width < 0 ? String(text).padEnd(-width) : String(text).padStart(width));
  const line = (values) => columns.map(([, width], i) => cell(values[i], width)).join(" ");
  console.log(
    `recommend K=${k}, seed ${seed}, time limit ${timeLimit} s, 1 worker (wasm32, node ${process.version}), ` +
      `module loaded in ${loaded.toFixed(1)} ms`,
  );
  console.log(line(columns.map(([name]) => name)));
  const demoPath = new URL("../../data/demo-2027.json", import.meta.url);
  const runs = [() => wasm.recommend_text("demo", readFileSync(demoPath, "utf8"), k, timeLimit)].concat(
    cases.map(([scale, variant]) => () => wasm.recommend_synthetic(scale, variant, seed, k, timeLimit)),
  );
  let failed = false;
  for (const run of runs) {
    const row = called(run);
    if (!row) {
      failed = true;
      continue;
    }
    const ms = (value) => value.toFixed(0);
    console.log(
      line([
        row.name, row.candidates, ms(row.ms), row.status, row.base.toFixed(3), row.objective.toFixed(3),
        row.bound.toFixed(3), ms(row.base_ms), ms(row.choose_ms), ms(row.order_ms), ms(row.prefix_ms),
        row.region_solves,
      ]),
    );
  }
  return failed;
}

const columns = [
  ["scale", -7], ["variant", -10], ["states", 6], ["needs", 6], ["sessions", 8], ["variables", 9],
  ["constraints", 11], ["blocks", 6], ["build_ms", 9], ["solve_ms", 10], ["status", -10],
  ["objective", 12], ["bound", 12], ["gap_%", 9], ["call_ms", 10],
];
const cell = (text, width) => (width < 0 ? String(text).padEnd(-width) : String(text).padStart(width));
const line = (values) => columns.map(([, width], i) => cell(values[i], width)).join(" ");

console.log(
  `seed ${seed}, time limit ${timeLimit} s, gap ${gap}, 1 worker (wasm32, node ${process.version}), ` +
    `module loaded in ${loaded.toFixed(1)} ms`,
);
console.log(line(columns.map(([name]) => name)));
let failed = false;
let session;
if (profile) {
  session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
}
for (const [scale, variant] of cases) {
  if (session) await session.post("Profiler.start");
  const started = performance.now();
  let row;
  try {
    row = JSON.parse(wasm.solve_synthetic(scale, variant, seed, timeLimit, gap));
  } catch (err) {
    row = { error: `wasm trapped: ${err.message}` };
  }
  // The whole call from JavaScript: scenario generation, build, solve and the JSON.
  const callMs = performance.now() - started;
  const profiled = session && (await session.post("Profiler.stop")).profile;
  if (row.error) {
    console.error(`${scale} ${variant}: ${row.error}`);
    failed = true;
    continue;
  }
  console.log(
    line([
      row.scale, row.variant, row.states, row.needs, row.sessions, row.variables, row.constraints,
      row.blocks, row.build_ms.toFixed(1), row.solve_ms.toFixed(1), row.status,
      row.objective.toFixed(3), row.bound.toFixed(3), (row.gap * 100).toFixed(4), callMs.toFixed(1),
    ]),
  );
  if (profiled) {
    const spent = phases(profiled);
    console.log(`  phases (ms): ${spent.map(([phase, ms]) => `${phase} ${ms.toFixed(1)}`).join(", ")}`);
  }
}
process.exit(failed ? 1 : 0);
