/** Read models of programmes, activities, sessions, questionnaires and participant facts, and the figures built on them. */
package org.roundtable.programmes.query;
