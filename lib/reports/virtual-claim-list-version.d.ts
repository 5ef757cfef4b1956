declare module 'virtual:claimnote/claim-list-version' {
  /** `ClaimBundle.version` of the bundled claim list, alone (see scripts/vite-plugin-claim-list.ts). */
  const version: string;
  export default version;
}
