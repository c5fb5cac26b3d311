import { defineFixtureSuite } from './fixture-suite.mjs';

defineFixtureSuite('firefox');
