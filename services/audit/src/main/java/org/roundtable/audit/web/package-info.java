/** The audit API under {@code /api/audit}: history, verification, signed digests, export and replays. */
package org.roundtable.audit.web;
