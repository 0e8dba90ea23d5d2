package org.roundtable.programmes.api;

/** What kind of offer an activity or a one-off event is; sessions and events are counted by kind. */
public enum ActivityKind {
    ACTIVITY_SESSION,
    LANGUAGE_CLASS,
    COFFEE_MORNING,
    PROFESSIONAL_WORKSHOP,
    TRAINING_COURSE,
    EXCURSION,
    COUNSELLING,
    COMMUNITY_EVENT
}
