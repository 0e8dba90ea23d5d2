package org.roundtable.partnerships.web;

/** Body of a 201 answer: the id of what was created. */
public record Created(String id) {
}
