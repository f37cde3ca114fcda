import type { Command } from '../command';
import { bundleCommand } from './bundle';
import { checkIdCommand } from './check-id';
import { validateCommand } from './validate';
import { snapshotCommand } from './snapshot';
import { cardBridgeCommand } from './card-bridge';
import { districtCommand } from './district';
import { growthCommand } from './growth';
import { exchangeCommand } from './exchange';
import { nationalCommand } from './national';
import { screeningCommand } from './screening';
import { staffCommand } from './staff';

/** Every CLI command; new ones register here. */
export const commands: readonly Command[] = [
  checkIdCommand,
  validateCommand,
  snapshotCommand,
  bundleCommand,
  cardBridgeCommand,
  growthCommand,
  districtCommand,
  exchangeCommand,
  nationalCommand,
  screeningCommand,
  staffCommand,
];
