/** The context assembled by Spring and Axon as the server assembles it, minus HTTP. */
package org.roundtable.partnerships.wiring;
