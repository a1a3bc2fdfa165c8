export { createExecuteContext, createLoadOptionsContext } from './context';
export type {
	ContextOptions,
	LogEntry,
	TestExecuteContext,
	TestLoadOptionsContext,
} from './context';
export { createPollContext } from './poll-context';
export type { PollContextOptions, TestPollContext } from './poll-context';
export { createCredentialStore, readCredentials } from './credentials';
export type { CredentialStore } from './credentials';
export { runCredentialTest } from './credential-test';
export { n8nHttpRequest } from './http';
export {
	hostedCredentials,
	onPremiseCredentials,
	sandboxCredentialStore,
	startHaloSandbox,
} from './sandbox';
export type { Sandbox, SandboxOptions } from './sandbox';
export { closedPort, FAKE_SECRET, startFakeHalo } from './fake-halo';
export type { FakeHalo, FakeReply, FakeRequest } from './fake-halo';
