/** Typed settings of the application shell ({@code roundtable.*}). */
package org.roundtable.server.config;
