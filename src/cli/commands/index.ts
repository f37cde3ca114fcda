import type { Command } from '../command';
import { checkIdCommand } from './check-id';
import { validateCommand } from './validate';

/** Every CLI command; new ones register here. */
export const commands: readonly Command[] = [checkIdCommand, validateCommand];
