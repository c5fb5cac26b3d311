/* Options page: issue 7 fills it in. */ 'use strict';
