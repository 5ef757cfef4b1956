import { zip } from 'wxt';

/**
 * Builds and zips the extension for one browser into a folder of the caller's choosing, so
 * the packaging tests check fresh store packages without touching `.output/` (which e2e runs
 * may be reading at the same time). Run in a child process: WXT keeps global state per build.
 * Prints the archive paths as JSON on the last line.
 *
 * Usage: npx tsx tests/packaging/zip-into.ts <chrome|firefox> <outDir>
 */
const [browser, outDir] = process.argv.slice(2);
if (!browser || !outDir) throw new Error('usage: zip-into.ts <browser> <outDir>');
const archives = await zip({ browser, outDir });
console.log(JSON.stringify(archives));
