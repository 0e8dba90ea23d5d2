/** Charts for the web interface, drawn as plain SVG on the server (no script, no inline styles). */
package org.roundtable.server.ui.charts;
