declare module 'virtual:claimnote/claim-bundle' {
  const bundle: import('./claim-bundle').ClaimBundle;
  export default bundle;
}

declare module 'virtual:claimnote/relevance-words' {
  /** The claim list's relevance anchor words (`CompiledIndex.relevanceWords`), alone. */
  const relevanceWords: readonly string[];
  export default relevanceWords;
}
