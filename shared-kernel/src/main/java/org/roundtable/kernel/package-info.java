/** Identifiers, metadata keys, personal-data annotations and problem types shared by every context. */
package org.roundtable.kernel;
