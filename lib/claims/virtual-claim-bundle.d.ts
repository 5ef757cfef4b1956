declare module 'virtual:claimnote/claim-bundle' {
  const bundle: import('./claim-bundle').ClaimBundle;
  export default bundle;
}

declare module 'virtual:claimnote/relevance-gate' {
  /** The searches of the claim list's relevance gate (`CompiledIndex.relevanceGate`), alone. */
  const relevanceGate: import('../matching/relevance-gate-searches').RelevanceGateSearches;
  export default relevanceGate;
}
