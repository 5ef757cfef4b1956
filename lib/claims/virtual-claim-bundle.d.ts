declare module 'virtual:claimnote/claim-bundle' {
  const bundle: import('./claim-bundle').ClaimBundle;
  export default bundle;
}
