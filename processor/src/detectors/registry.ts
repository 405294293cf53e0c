import { deadClick } from './dead-click.ts';
import { errorClick } from './error-click.ts';
import { rageClick } from './rage-click.ts';
import { thrashedCursor } from './thrashed-cursor.ts';
import type { DetectorDefinition } from './types.ts';

// Every signal the detector role runs, in one list.
export const DETECTORS: readonly DetectorDefinition[] = [rageClick, deadClick, errorClick, thrashedCursor];
