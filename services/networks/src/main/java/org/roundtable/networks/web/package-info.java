/** REST endpoints of networks under {@code /api/networks}: members, meetings, action items, figures, quarter reviews. */
package org.roundtable.networks.web;
