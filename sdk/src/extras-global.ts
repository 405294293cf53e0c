// Entry of dist/sdk-extras.js, which sdk.js loads with a script tag at init.
import * as extras from './extras.ts';
import type {} from './extras-loader.ts';

window.GoSightExtras = extras;
