import { action } from './action';
import { client } from './client';
import { site } from './site';
import { ticket } from './ticket';
import type { HaloResource, ResourceSpec } from './types';
import { user } from './user';

export const CATALOGUE: Record<HaloResource, ResourceSpec> = { ticket, action, client, site, user };

export const RESOURCES: ResourceSpec[] = Object.values(CATALOGUE);

export { LOCATORS } from './locators';
export type * from './types';
