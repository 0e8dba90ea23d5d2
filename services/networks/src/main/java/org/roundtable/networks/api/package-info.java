/** The networks context's published language: commands, events, queries and their results. */
package org.roundtable.networks.api;
