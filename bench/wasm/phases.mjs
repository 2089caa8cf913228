// Where a profiled call's time went, by phase of the solve (`run.mjs --profile`): each
// sample of V8's profile goes to the first phase, in the order of PHASES, that a function on
// its stack belongs to, so a flow inside the improvement counts as the improvement, and a
// flow inside pricing as a flow. The wasm keeps its functions' names (wasm-bindgen leaves
// the name section in); a function the compiler inlined counts as its caller, so a phase
// whose functions were all inlined into pricing shows as pricing.

// [phase, patterns of the (demangled) function names that belong to it], outermost first.
const PHASES = [
  ["improve", [/lagrange::improved/, /lagrange::refilled/, /knapsack::best_alone_within/]],
  ["completion", [/lagrange::completed/, /lagrange::refill\b/]],
  ["by-state bound", [/lagrange::by_state_bound/, /lagrange::state_alone/, /knapsack::best_value_alone/]],
  ["knapsack DP", [/knapsack::/]],
  ["greedy fill", [/lagrange::within_budgets/, /heuristic::repair/]],
  ["flows", [/flow::/]],
  ["microlp", [/microlp::/]],
  ["pricing", [/lagrange::/]],
  ["precheck", [/precheck::/]],
  ["blocks", [/compat::blocks/, /compat::components/]],
  ["build (validate, index, model)", [/blocks::Model::build/, /validate::/]],
  ["scenario", [/synth::/]],
  ["solve, other", [/blocks::Model::solve/, /strategy::/]],
];

/** [[phase, milliseconds]] of a `Profiler.stop` profile, largest first ("outside": the rest). */
export function phases(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const phaseOf = new Map();
  const nodePhase = (id) => {
    if (phaseOf.has(id)) return phaseOf.get(id);
    const name = byId.get(id).callFrame.functionName;
    const own = PHASES.findIndex(([, patterns]) => patterns.some((pattern) => pattern.test(name)));
    const up = parent.has(id) ? nodePhase(parent.get(id)) : -1;
    // The phase that comes first in PHASES among this node's and its callers'.
    const phase = own < 0 ? up : up < 0 ? own : Math.min(own, up);
    phaseOf.set(id, phase);
    return phase;
  };
  const spent = new Map();
  profile.samples.forEach((id, i) => {
    const phase = nodePhase(id);
    const name = phase < 0 ? "outside" : PHASES[phase][0];
    spent.set(name, (spent.get(name) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return [...spent].sort((a, b) => b[1] - a[1]);
}
