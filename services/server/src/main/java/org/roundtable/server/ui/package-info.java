/** The web interface's shell: browser sign-in through the issuer, language, layout, home and error pages. */
package org.roundtable.server.ui;
