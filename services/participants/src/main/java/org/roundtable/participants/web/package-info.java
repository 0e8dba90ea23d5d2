/** REST endpoints for participants, consent, erasure and reach groups under {@code /api}. */
package org.roundtable.participants.web;
