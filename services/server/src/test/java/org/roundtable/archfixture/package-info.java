/** Deliberately broken dependencies, used only to prove that the architecture rules can fail. */
package org.roundtable.archfixture;
