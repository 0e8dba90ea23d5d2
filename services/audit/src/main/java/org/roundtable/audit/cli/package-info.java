/** The {@code audit} command-line tool: verify exports offline, fetch digests and exports, verify remotely, import. */
package org.roundtable.audit.cli;
