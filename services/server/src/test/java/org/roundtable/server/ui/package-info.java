/** The web interface in a real headless Chromium, and its message bundles. */
package org.roundtable.server.ui;
