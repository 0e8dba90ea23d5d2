package org.roundtable.networks.api;

/** Where an action item stands. {@code DONE} and {@code DROPPED} close it; it may be reopened. */
public enum ActionItemStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
