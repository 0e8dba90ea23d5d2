/** REST endpoints for partner organisations, associations and integration partnerships under {@code /api}. */
package org.roundtable.partnerships.web;
