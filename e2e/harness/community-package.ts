import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { repoRoot, scratchDir } from './runtime';

export const packageName = 'n8n-nodes-halopsa';
/** The built package; HALOPSA_E2E_PACKAGE_DIR points the suite at another build of it. */
export const packageDir =
	process.env.HALOPSA_E2E_PACKAGE_DIR ?? path.join(repoRoot, 'packages', packageName);
/** Type of the action node in workflow JSON, as n8n names a community package's node. */
export const haloNodeType = `${packageName}.haloPsa`;
export const haloTriggerType = `${packageName}.haloPsaTrigger`;
export const haloCredentialType = 'haloPsaClientCredentialsApi';

let packedTarball: string | undefined;

/** `npm pack` of the built package, made once per process (the package must be built). */
export function packPackage(): string {
	if (packedTarball && existsSync(packedTarball)) return packedTarball;
	if (!existsSync(path.join(packageDir, 'dist'))) {
		throw new Error(`${packageName} is not built: run "npm run build" first`);
	}
	const outDir = path.join(scratchDir, 'pack');
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: packageDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [{ filename }] = JSON.parse(output) as Array<{ filename: string }>;
	packedTarball = path.join(outDir, path.basename(filename));
	return packedTarball;
}

/**
 * Installs the package into a user folder the way n8n's community-package installer does:
 * the packed tarball is extracted to `.n8n/nodes/node_modules/<name>`, its dev, peer and optional
 * dependencies are dropped, and an install without scripts fetches what remains. n8n finds it
 * there at start-up and names its node `n8n-nodes-halopsa.haloPsa` (runtime.md §4 A).
 */
export function installIntoUserFolder(userFolder: string): string {
	const tarball = packPackage();
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', packageName);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { stdio: 'ignore' });

	const manifestPath = path.join(target, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');

	// The same flags as n8n's CommunityPackagesService.downloadPackage (n8n 2.40.7).
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: target, stdio: 'ignore' },
	);
	recordDependency(path.join(nodesDir, 'package.json'), String(manifest.version));
	if (!readdirSync(path.join(target, 'dist')).length) {
		throw new Error(`the packed ${packageName} has an empty dist/`);
	}
	return target;
}

/** n8n lists installed community packages as dependencies of `.n8n/nodes/package.json`. */
function recordDependency(nodesManifestPath: string, version: string): void {
	const manifest = existsSync(nodesManifestPath)
		? (JSON.parse(readFileSync(nodesManifestPath, 'utf8')) as Record<string, unknown>)
		: { name: 'installed-nodes', private: true };
	const dependencies = (manifest.dependencies ?? {}) as Record<string, string>;
	dependencies[packageName] = version;
	manifest.dependencies = dependencies;
	writeFileSync(nodesManifestPath, JSON.stringify(manifest, null, 2));
}
