/** Spring Boot wiring of the ledger: the embedded default, the storage engine, serializers, token and saga stores. */
package org.roundtable.ledger.config;
