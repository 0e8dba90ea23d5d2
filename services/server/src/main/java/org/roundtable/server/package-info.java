/** The Roundtable application: assembles the bounded contexts with security, tenancy and API conventions. */
package org.roundtable.server;
