import { createServer } from 'node:net';

/**
 * A port that was free a moment ago. n8n takes its ports from the environment, so it cannot be
 * given port 0; asking the kernel for one and releasing it is the next best thing.
 */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
