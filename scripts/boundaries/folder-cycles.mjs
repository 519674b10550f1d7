// Import cycles among electron/core's top-level folders. dependency-cruiser gives the module graph; this collapses it
// to one node per top-level folder (top-level files such as create-core.ts and context.ts are the composition root,
// which may import every folder, so they are left out) and finds the strongly
// connected components. An edge between two folders of one component is a cycle edge: the checker fails on any such
// edge not listed in known-folder-cycles.json, so a new folder-level cycle (or a new edge into an old one) is refused
// while the old ones are paid off. Shipped code only: tests and test-utils/ may reach anything.

const CORE = 'electron/core/';
const NOT_SHIPPED = /(\.test\.[cm]?[jt]sx?$|(^|\/)test-utils\/)/;

/** electron/core/brain/offline/wire.ts → brain; electron/core/create-core.ts and files outside core → null */
export function folderOf(file) {
  if (!file.startsWith(CORE) || NOT_SHIPPED.test(file)) return null;
  const parts = file.slice(CORE.length).split('/');
  return parts.length > 1 ? parts[0] : null;
}

/** Folder graph from dependency-cruiser's `output.modules`: Map folder → Map folder → one example `from -> to`. */
export function folderGraph(modules) {
  const graph = new Map();
  for (const mod of modules) {
    const from = folderOf(mod.source);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const dep of mod.dependencies ?? []) {
      const to = folderOf(dep.resolved ?? '');
      if (!to || to === from) continue;
      if (!graph.has(to)) graph.set(to, new Map());
      const edges = graph.get(from);
      if (!edges.has(to)) edges.set(to, `${mod.source} -> ${dep.resolved}`);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one folder, each sorted, largest first. */
export function stronglyConnected(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
}

/** Every folder edge whose two ends sit in one component: [{ from, to, example }], sorted. */
export function cycleEdges(graph) {
  const componentOf = new Map();
  stronglyConnected(graph).forEach((component, i) => component.forEach((folder) => componentOf.set(folder, i)));
  const edges = [];
  for (const [from, targets] of graph) {
    for (const [to, example] of targets) {
      if (componentOf.has(from) && componentOf.get(from) === componentOf.get(to)) edges.push({ from, to, example });
    }
  }
  return edges.sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
}
