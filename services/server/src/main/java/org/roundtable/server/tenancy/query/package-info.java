/** The tenant directory read model in MongoDB. */
package org.roundtable.server.tenancy.query;
