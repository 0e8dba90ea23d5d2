/** API conventions: problem responses, body limits, idempotency, JSON settings, OpenAPI. */
package org.roundtable.server.web;
