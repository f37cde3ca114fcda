import type { Command } from '../command';
import { checkIdCommand } from './check-id';

/** Every CLI command; new ones register here. */
export const commands: readonly Command[] = [checkIdCommand];
