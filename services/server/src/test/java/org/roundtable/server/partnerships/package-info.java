/** Application tests of the partnerships context over real HTTP: organisations, partnerships, figures, tenancy and roles. */
package org.roundtable.server.partnerships;
