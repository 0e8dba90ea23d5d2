/** Authentication, tenancy from tokens, the embedded issuer and the problem-writing security handlers. */
package org.roundtable.server.security;
