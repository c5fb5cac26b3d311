import { defineFixtureSuite } from './fixture-suite.mjs';

defineFixtureSuite('chromium');
