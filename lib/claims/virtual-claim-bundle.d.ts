declare module 'virtual:claimnote/claim-bundle' {
  const bundle: import('./claim-bundle').ClaimBundle;
  export default bundle;
}

declare module 'virtual:claimnote/relevance-gate' {
  /** The searches of the claim list's relevance gate (`CompiledIndex.relevanceGate`), alone. */
  const relevanceGate: import('../matching/relevance-gate-searches').RelevanceGateSearches;
  export default relevanceGate;
}

declare module 'virtual:claimnote/relevance-prefixes' {
  /**
   * The source of the relevance gate's first search (`RelevanceGateSearches.main.pattern`):
   * a text where it finds nothing, case-insensitively, cannot open the gate.
   */
  const pattern: string;
  export default pattern;
}
