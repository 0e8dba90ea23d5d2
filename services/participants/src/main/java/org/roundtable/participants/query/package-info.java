/** The participant directory and reach-group catalogue: tenant-scoped read models in MongoDB and their queries. */
package org.roundtable.participants.query;
