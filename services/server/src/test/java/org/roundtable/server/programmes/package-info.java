/** Application tests of the programmes context over real HTTP: figures, replay, tenant isolation and rules. */
package org.roundtable.server.programmes;
