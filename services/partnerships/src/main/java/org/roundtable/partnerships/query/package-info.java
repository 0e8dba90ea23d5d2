/** The organisation registry, association development and partnership register: tenant-scoped read models in MongoDB. */
package org.roundtable.partnerships.query;
