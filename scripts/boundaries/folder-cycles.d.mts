// Types of folder-cycles.mjs (a plain script the checker runs under node), for its test.
export interface CruisedModule {
  source: string;
  dependencies?: Array<{ resolved?: string }>;
}
export type FolderGraph = Map<string, Map<string, string>>;
export function folderOf(file: string): string | null;
export function folderGraph(modules: CruisedModule[]): FolderGraph;
export function stronglyConnected(graph: FolderGraph): string[][];
export function cycleEdges(graph: FolderGraph): Array<{ from: string; to: string; example: string }>;
