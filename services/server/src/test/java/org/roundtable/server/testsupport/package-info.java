/** What the application tests share: one server over an in-memory store, HTTP helpers, probe endpoints. */
package org.roundtable.server.testsupport;
