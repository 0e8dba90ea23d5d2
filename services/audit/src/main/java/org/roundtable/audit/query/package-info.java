/** Reads the ledger for auditors: history pages, verification, in {@code _id $in} windows of positions. */
package org.roundtable.audit.query;
