/** The programme, activity, session and questionnaire aggregates with their rules, and the ports they need. */
package org.roundtable.programmes.command;
