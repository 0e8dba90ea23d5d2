/** REST endpoints for programmes, activities, the calendar, sessions, questionnaires and the programme report under {@code /api}. */
package org.roundtable.programmes.web;
